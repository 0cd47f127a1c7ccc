using ChatWeb.Domain.Attachments;
using ChatWeb.Domain.Chat;

namespace ChatWeb.Components.Conversation;

/// <summary>
/// A message this device sent that the server has not confirmed yet. The client message id is
/// fixed when the message is composed, so a retry can never store it twice.
/// </summary>
public sealed record OutgoingMessage(string ClientMessageId, string Body, DateTime CreatedAt, MessageStatus Status)
{
    /// <summary>Files already uploaded that go with it.</summary>
    public IReadOnlyList<AttachmentView> Attachments { get; init; } = [];

    public MessageDraft Draft => new() { ClientMessageId = ClientMessageId, Body = Body, AttachmentIds = Attachments.Select(a => a.Id.ToString()).ToList() };
}
