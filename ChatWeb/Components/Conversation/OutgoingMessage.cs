using ChatWeb.Domain.Chat;

namespace ChatWeb.Components.Conversation;

/// <summary>
/// A message this device sent that the server has not confirmed yet. The client message id is
/// fixed when the message is composed, so a retry can never store it twice.
/// </summary>
public sealed record OutgoingMessage(string ClientMessageId, string Body, DateTime CreatedAt, MessageStatus Status)
{
    /// <summary>The message this one answers, quoted as it was when the reply was written.</summary>
    public ReplyPreview? ReplyTo { get; init; }
}
