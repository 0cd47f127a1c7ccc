namespace ChatWeb.Domain.Chat;

/// <summary>
/// A page of a thread's changes: every message whose version is above the one asked for, in version
/// order, each as it is now. <see cref="LastVersion"/> is where the next call starts: the last
/// message's version when the page is full, else the thread's latest version (nothing after it yet).
/// </summary>
public sealed record MessageChanges(IReadOnlyList<ChatMessage> Messages, long LastVersion);
