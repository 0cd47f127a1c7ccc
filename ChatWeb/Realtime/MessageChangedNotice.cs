using ChatWeb.Domain.Chat;

namespace ChatWeb.Realtime;

/// <summary>
/// A message was edited, deleted or reacted to (event <c>MessageChanged</c>): replace your copy when
/// <see cref="ChatMessage.Version"/> is higher than the one you have; move the thread on with
/// <see cref="ThreadSummary.WithChange"/>.
/// </summary>
public sealed record MessageChangedNotice(ChatMessage Message);
