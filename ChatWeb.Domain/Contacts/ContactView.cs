namespace ChatWeb.Domain.Contacts;

public sealed record ContactView(string UserName, string DisplayName, bool IsOnline, DateTime? LastSeenAt);
