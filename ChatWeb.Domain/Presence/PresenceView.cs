namespace ChatWeb.Domain.Presence;

public sealed record PresenceView(string UserName, bool IsOnline, DateTime? LastSeenAt);
