using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;

namespace ChatWeb.Components.Conversation;

/// <summary>
/// Adds to each row what it shows of its message's life (<see cref="MessageLife"/>): read receipts
/// from the members' read marks, which hidden marks (receipts turned off) leave out, and the actions
/// the domain allows the reader.
/// </summary>
internal static class MessageLifeBuilder
{
    public static IReadOnlyList<TimelineEntry> Apply(
        IReadOnlyList<TimelineEntry> entries,
        MessageWindow window,
        IReadOnlyList<OutgoingMessage> outgoing,
        ThreadSummary? summary,
        string myUserName,
        Guid? editingId)
    {
        if (summary is null)
        {
            return entries;
        }
        var others = summary.Members.Where(m => !SameUser(m.UserName, myUserName)).ToList();
        var peerReadSeq = summary.Kind == ThreadKind.Direct ? others.FirstOrDefault()?.LastReadSeq : null;
        var latestOwnSeq = summary.Kind == ThreadKind.Group ? LatestOwnSeq(window, myUserName) : null;
        return [.. entries.Select(entry => entry with { Life = Describe(entry) })];

        MessageLife Describe(TimelineEntry entry)
        {
            if (entry.Seq is not { } seq || !window.Contains(seq))
            {
                var pending = outgoing.FirstOrDefault(o => o.ClientMessageId == entry.ClientMessageId);
                return new MessageLife(null, pending?.ReplyTo, false, false, false, false, false, false, null);
            }
            var message = window.Messages[(int)(seq - window.FirstSeq)];
            var live = message.DeletedAt is null;
            var seenBy = seq == latestOwnSeq ? new SeenBy([.. others.Where(m => m.LastReadSeq >= seq)]) : null;
            return new MessageLife(
                message,
                message.ReplyTo,
                CanReply: live,
                CanEdit: MessagePermissions.CanEdit(message, myUserName),
                CanDelete: MessagePermissions.CanDelete(message, myUserName, summary),
                CanReact: MessagePermissions.CanReact(message),
                IsEditing: message.Id == editingId && live,
                IsRead: entry.IsOwn && peerReadSeq >= seq,
                SeenBy: seenBy is { Members.Count: > 0 } ? seenBy : null);
        }
    }

    /// <summary>The reader's newest message still standing, the one up-arrow edits; null when none is held.</summary>
    public static ChatMessage? LastEditable(MessageWindow window, string myUserName) =>
        window.Messages.LastOrDefault(m => MessagePermissions.CanEdit(m, myUserName));

    private static long? LatestOwnSeq(MessageWindow window, string myUserName) =>
        window.Messages.LastOrDefault(m => SameUser(m.Sender, myUserName))?.Seq;

    private static bool SameUser(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
