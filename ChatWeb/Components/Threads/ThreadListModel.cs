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
    /// A thread as this person now sees it: replaces the old row (or adds it) and re-sorts. A view
    /// older than the one shown is dropped: deliveries through different nodes can overtake each
    /// other, and a reload may already have read past an event still on its way.
    /// </summary>
    public bool Upsert(ThreadSummary thread)
    {
        if (threads.Find(t => t.Id == thread.Id) is { } shown && IsOlder(thread, shown))
        {
            return false;
        }
        threads = Sorted(threads.Where(t => t.Id != thread.Id).Append(thread));
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
        threads = Sorted(threads.Where(t => t.Id != shown.Id).Append(shown.WithMessage(message, myUserName)));
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

    // Both watermarks only ever grow; a mute or nickname change keeps them, and is taken as news.
    private static bool IsOlder(ThreadSummary incoming, ThreadSummary shown) =>
        incoming.LastSeq < shown.LastSeq || (incoming.LastSeq == shown.LastSeq && incoming.LastReadSeq < shown.LastReadSeq);

    // OrderByDescending is stable, so threads with equal times keep their order between updates.
    private static List<ThreadSummary> Sorted(IEnumerable<ThreadSummary> source) =>
        source.OrderByDescending(t => t.LastMessageAt).ToList();
}
