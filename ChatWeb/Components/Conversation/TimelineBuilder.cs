using ChatWeb.Components.Shared;
using ChatWeb.Domain.Chat;

namespace ChatWeb.Components.Conversation;

/// <summary>Turns the held messages and this device's unconfirmed ones into rows, Slack / WhatsApp style.</summary>
internal static class TimelineBuilder
{
    /// <summary>Consecutive messages of one sender closer than this share a group (one name, tight spacing).</summary>
    public static readonly TimeSpan GroupGap = TimeSpan.FromMinutes(5);

    public static IReadOnlyList<TimelineEntry> Build(
        IReadOnlyList<ChatMessage> messages,
        IReadOnlyList<OutgoingMessage> outgoing,
        string myUserName,
        string myDisplayName,
        bool isGroup,
        long? unreadFromSeq,
        LocalClock clock)
    {
        var rows = new List<Row>(messages.Count + outgoing.Count);
        rows.AddRange(messages.Select(m => new Row(
            m.Sender, m.SenderDisplayName, m, null, m.SentAt, string.Equals(m.Sender, myUserName, StringComparison.OrdinalIgnoreCase))));
        // Unconfirmed messages have no seq yet: they follow everything the server has confirmed.
        rows.AddRange(outgoing.Select(o => new Row(myUserName, myDisplayName, null, o, o.CreatedAt, true)));

        var entries = new List<TimelineEntry>(rows.Count);
        var unreadShown = false;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var previous = i > 0 ? rows[i - 1] : null;
            var day = DateOnly.FromDateTime(clock.ToLocal(row.SentAt));
            var newDay = previous is null || DateOnly.FromDateTime(clock.ToLocal(previous.SentAt)) != day;
            var startsUnread = !unreadShown && !row.IsOwn && row.Message is { } m && m.Seq >= unreadFromSeq;
            unreadShown |= startsUnread;
            var startsGroup = newDay || startsUnread || !SameGroup(previous!, row);

            entries.Add(new TimelineEntry(
                Key: $"{row.Sender.ToLowerInvariant()}/{row.ClientMessageId}",
                Seq: row.Message?.Seq,
                ClientMessageId: row.ClientMessageId,
                SenderDisplayName: row.SenderDisplayName,
                Body: row.Message?.Body ?? row.Outgoing!.Body,
                ShortTime: ChatTimeFormat.Short(row.SentAt, clock),
                FullTime: ChatTimeFormat.Full(row.SentAt, clock),
                IsOwn: row.IsOwn,
                Status: row.Outgoing?.Status ?? MessageStatus.Sent,
                ShowSender: isGroup && !row.IsOwn && startsGroup,
                StartsGroup: startsGroup,
                EndsGroup: true,
                DayLabel: newDay ? ChatTimeFormat.DayLabel(day, clock) : null,
                StartsUnread: startsUnread)
            {
                Mentions = row.Message?.Mentions ?? row.Outgoing!.Mentions,
                MentionsHere = row.Message?.MentionsHere ?? row.Outgoing!.Mentions.Contains(MentionRules.Here),
            });
            if (!startsGroup)
            {
                entries[^2] = entries[^2] with { EndsGroup = false };
            }
        }
        return entries;
    }

    private static bool SameGroup(Row previous, Row row) =>
        string.Equals(previous.Sender, row.Sender, StringComparison.OrdinalIgnoreCase)
        && row.SentAt - previous.SentAt < GroupGap;

    private sealed record Row(string Sender, string SenderDisplayName, ChatMessage? Message, OutgoingMessage? Outgoing, DateTime SentAt, bool IsOwn)
    {
        public string ClientMessageId => Message?.ClientMessageId ?? Outgoing!.ClientMessageId;
    }
}
