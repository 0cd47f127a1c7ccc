namespace ChatWeb.Realtime;

/// <summary>The user left or was removed from a thread: drop it from every list.</summary>
public sealed record ThreadRemovedNotice(Guid ThreadId);
