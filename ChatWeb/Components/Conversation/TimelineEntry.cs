using ChatWeb.Domain.Attachments;

namespace ChatWeb.Components.Conversation;

/// <summary>
/// One message row ready to render, with everything decided: grouping, separators, local times.
/// A record, so a row whose entry did not change skips re-rendering (see MessageBubble).
/// </summary>
public sealed record TimelineEntry(
    string Key,
    long? Seq,
    string ClientMessageId,
    string SenderDisplayName,
    string Body,
    string ShortTime,
    string FullTime,
    bool IsOwn,
    MessageStatus Status,
    bool ShowSender,
    bool StartsGroup,
    bool EndsGroup,
    string? DayLabel,
    bool StartsUnread)
{
    /// <summary>Whom the body mentions (user names), drawn highlighted; the same list instance while the message is unchanged.</summary>
    public IReadOnlyList<string> Mentions { get; init; } = [];

    public bool MentionsHere { get; init; }

    /// <summary>The message's files, shown above its text.</summary>
    public IReadOnlyList<AttachmentView> Attachments { get; init; } = [];

    /// <summary>Replies, edits, deletes, reactions and receipts (<see cref="MessageLifeBuilder"/>); null when not known.</summary>
    public MessageLife? Life { get; init; }
}
