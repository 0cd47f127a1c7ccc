using ChatWeb.Domain.Attachments;

namespace ChatWeb.Components.Attachments;

/// <summary>What the composer sends when files go with the text (which may then be empty).</summary>
public sealed record ComposedMessage(string Body, IReadOnlyList<AttachmentView> Attachments);
