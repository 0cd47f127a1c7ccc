namespace ChatWeb.Domain.Administration;

/// <summary>A person as the admin page and <c>GET /api/admin/people</c> show them.</summary>
public sealed record AdminPersonView(
    string UserName,
    string DisplayName,
    string Email,
    DateTime? LastSeenAt,
    PersonStatus Status,
    bool IsAdmin,
    DateTime? DeactivatedAt,
    DateTime? LockedOutUntil);
