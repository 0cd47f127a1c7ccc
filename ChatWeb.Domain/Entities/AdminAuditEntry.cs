namespace ChatWeb.Domain.Entities;

/// <summary>
/// One administrator action: who did what to whom, and when. Names are copied in, so the log
/// reads the same after a person is renamed or removed.
/// </summary>
public sealed class AdminAuditEntry
{
    public const int NameMaxLength = 256;

    public long Id { get; set; }
    public DateTime At { get; set; }

    /// <summary>Null when the action came from the settings (Admin:Emails) rather than a person.</summary>
    public string? ActorId { get; set; }
    public required string ActorName { get; set; }
    public AdminAction Action { get; set; }
    public required string TargetId { get; set; }
    public required string TargetUserName { get; set; }
}
