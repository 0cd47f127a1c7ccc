namespace ChatWeb.Domain.Administration;

/// <summary>
/// How a reset reached the person: mailed to them (<see cref="Link"/> is null), or a link for the
/// administrator to hand over, shown once and never stored.
/// </summary>
public sealed record PasswordResetDelivery(string? Link, DateTime ExpiresAt)
{
    public bool WasMailed => Link is null;
}
