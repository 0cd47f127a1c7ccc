namespace ChatWeb.Realtime;

/// <summary>Who the circuit belongs to, read once from the authentication state.</summary>
public sealed record CurrentUser(string Id, string UserName, string DisplayName);
