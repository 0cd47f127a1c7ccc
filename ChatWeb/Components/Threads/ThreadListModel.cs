using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using ChatWeb.Domain.Presence;

namespace ChatWeb.Components.Threads;

/// <summary>
/// The sidebar's state, apart from rendering: the person's threads, newest activity first, and the
/// presence of the other person in each direct thread. Touched only on the renderer's thread.
/// </summary>
internal sealed class ThreadListModel(string myUserName)
{
    private readonly Dictionary<string, PresenceView> presence = new(StringComparer.OrdinalIgnoreCase);
    private List<ThreadSummary> threads = [];

    public IReadOnlyList<ThreadSummary> Threads => threads;

    /// <summary>What the Chats tab's badge counts: muted threads stay quiet, as they do in the list.</summary>
    public long UnreadTotal => threads.Where(t => !t.IsMuted).Sum(t => t.UnreadCount);

    public void Reset(IEnumerable<ThreadSummary> loaded) => threads = Sorted(loaded);

    /// <summary>
    /// A thread as this person now sees it: replaces the old row (or adds it) and re-sorts. Views
    /// can arrive out of order (deliveries through different nodes overtake each other, a reload
    /// may read past an event still on its way, and rows also move on from messages alone), so the
    /// row keeps whichever watermarks are further along; see <see cref="Merge"/>. False when
    /// nothing changed.
    /// </summary>
    public bool Upsert(ThreadSummary thread)
    {
        var shown = threads.Find(t => t.Id == thread.Id);
        var merged = shown is null ? thread : Merge(shown, thread);
        if (merged == shown)
        {
            return false;
        }
        threads = Sorted(threads.Where(t => t.Id != thread.Id).Append(merged));
        return true;
    }

    /// <summary>
    /// A message arrived: its thread moves on as the server's own view of it would (the circuit's
    /// connection takes no ThreadUpdated for new messages). False when the thread is not listed.
    /// </summary>
    public bool Advance(ChatMessage message)
    {
        if (threads.Find(t => t.Id == message.ThreadId) is not { } shown)
        {
            return false;
        }
        Upsert(shown.WithMessage(message, myUserName));
        return true;
    }

    /// <summary>A message was edited, deleted or reacted to: the preview follows the last message. False when not listed.</summary>
    public bool Change(ChatMessage changed)
    {
        if (threads.Find(t => t.Id == changed.ThreadId) is not { } shown)
        {
            return false;
        }
        Upsert(shown.WithChange(changed));
        return true;
    }

    public bool Remove(Guid threadId) => threads.RemoveAll(t => t.Id == threadId) > 0;

    public void SetPresence(PresenceView view) => presence[view.UserName] = view;

    public void SetPresence(IEnumerable<PresenceView> views)
    {
        foreach (var view in views)
        {
            SetPresence(view);
        }
    }

    /// <summary>The other person in a direct thread; null for a group (or a thread with oneself).</summary>
    public string? PartnerOf(ThreadSummary thread) =>
        thread.Kind == ThreadKind.Direct
            ? thread.Members.FirstOrDefault(m => !string.Equals(m.UserName, myUserName, StringComparison.OrdinalIgnoreCase))?.UserName
            : null;

    /// <summary>Null when there is no one to show a dot for, or their presence is not known yet.</summary>
    public bool? IsOnline(ThreadSummary thread) =>
        PartnerOf(thread) is { } partner && presence.TryGetValue(partner, out var view) ? view.IsOnline : null;

    public IReadOnlyCollection<string> PartnersWithUnknownPresence() =>
        threads.Select(PartnerOf).OfType<string>().Where(p => !presence.ContainsKey(p)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>
    /// Both watermarks only ever grow, so each is taken from the view further along, and the last
    /// message goes with the last seq. The rest (mute, nickname, title, members, role) is taken from
    /// the incoming view: a change to it leaves the watermarks as they were, and is news. A read
    /// on another device whose view was read just before a new message arrived here still counts.
    /// </summary>
    private static ThreadSummary Merge(ThreadSummary shown, ThreadSummary incoming)
    {
        var last = incoming.LastSeq >= shown.LastSeq ? incoming : shown;
        var lastReadSeq = Math.Max(shown.LastReadSeq, incoming.LastReadSeq);
        return incoming with
        {
            LastSeq = last.LastSeq,
            LastMessageAt = last.LastMessageAt,
            LastMessagePreview = last.LastMessagePreview,
            LastMessageSender = last.LastMessageSender,
            LastMessageSenderDisplayName = last.LastMessageSenderDisplayName,
            LastReadSeq = lastReadSeq,
            UnreadCount = ThreadSummary.Unread(last.LastSeq, lastReadSeq),
            UnreadMentions = MergedMentions(shown, incoming, last.LastSeq, lastReadSeq),
        };
    }

    /// <summary>
    /// Unread mentions go with the watermarks: none once everything is read; otherwise the count of
    /// the view that is further along on both (or, when each is ahead on one, the smaller, until the
    /// server's next view of the thread says).
    /// </summary>
    private static long MergedMentions(ThreadSummary shown, ThreadSummary incoming, long lastSeq, long lastReadSeq) =>
        lastReadSeq >= lastSeq ? 0
        : incoming.LastSeq >= shown.LastSeq && incoming.LastReadSeq >= shown.LastReadSeq ? incoming.UnreadMentions
        : shown.LastSeq >= incoming.LastSeq && shown.LastReadSeq >= incoming.LastReadSeq ? shown.UnreadMentions
        : Math.Min(shown.UnreadMentions, incoming.UnreadMentions);

    // OrderByDescending is stable, so threads with equal times keep their order between updates.
    private static List<ThreadSummary> Sorted(IEnumerable<ThreadSummary> source) =>
        source.OrderByDescending(t => t.LastMessageAt).ToList();
}
