namespace ChatWeb.Realtime;

/// <summary>Someone is typing in a thread. Ephemeral: never stored.</summary>
public sealed record TypingNotice(Guid ThreadId, string UserName, string DisplayName);
