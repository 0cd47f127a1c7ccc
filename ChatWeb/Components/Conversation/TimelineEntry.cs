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
    /// <summary>Replies, edits, deletes, reactions and receipts (<see cref="MessageLifeBuilder"/>); null when not known.</summary>
    public MessageLife? Life { get; init; }
}
