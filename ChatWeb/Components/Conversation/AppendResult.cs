using ChatWeb.Domain.Chat;

namespace ChatWeb.Components.Conversation;

/// <summary>What <see cref="MessageWindow.AppendNewer"/> took in, and whether it stopped at a hole in the seqs.</summary>
public sealed record AppendResult(IReadOnlyList<ChatMessage> Added, bool Gap);
