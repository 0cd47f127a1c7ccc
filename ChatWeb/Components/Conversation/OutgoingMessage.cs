using ChatWeb.Domain.Attachments;
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

    /// <summary>Whom it mentions (user names, "@here"), sent with every retry.</summary>
    public IReadOnlyList<string> Mentions { get; init; } = [];

    /// <summary>Files already uploaded that go with it.</summary>
    public IReadOnlyList<AttachmentView> Attachments { get; init; } = [];

    /// <summary>What is posted, the same on every retry.</summary>
    public MessageDraft Draft => new()
    {
        ClientMessageId = ClientMessageId,
        Body = Body,
        Mentions = Mentions,
        ReplyToId = ReplyTo?.Id.ToString(),
        AttachmentIds = Attachments.Count == 0 ? null : Attachments.Select(a => a.Id.ToString()).ToList(),
    };
}
