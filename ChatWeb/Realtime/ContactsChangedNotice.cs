namespace ChatWeb.Realtime;

/// <summary>The user's contact list changed on one of their devices: reload it.</summary>
public sealed record ContactsChangedNotice;
