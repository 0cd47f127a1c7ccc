namespace ChatWeb.Domain.Presence;

/// <summary>Someone whose every connection lapsed without a goodbye, and when they were last known connected.</summary>
public sealed record LapsedUser(string UserId, DateTime LastSeenAt);
