namespace ChatWeb.Components.Conversation;

/// <summary>
/// A message this device sent that the server has not confirmed yet. The client message id is
/// fixed when the message is composed, so a retry can never store it twice.
/// </summary>
public sealed record OutgoingMessage(string ClientMessageId, string Body, DateTime CreatedAt, MessageStatus Status)
{
    /// <summary>Whom it mentions (user names, "@here"), sent with every retry.</summary>
    public IReadOnlyList<string> Mentions { get; init; } = [];
}
