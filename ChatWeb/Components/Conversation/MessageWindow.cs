using ChatWeb.Domain.Chat;

namespace ChatWeb.Components.Conversation;

/// <summary>
/// The slice of a thread's history held by an open conversation: a contiguous run of seqs, at most
/// <see cref="Capacity"/> long. Seqs are gap-free per thread, so "contiguous" is easy to keep and a
/// gap is easy to see. When the run would grow past the capacity, the end away from the reader is
/// dropped and can be fetched again, so memory and rendered rows stay bounded however long the thread.
/// </summary>
public sealed class MessageWindow(int capacity)
{
    private readonly List<ChatMessage> messages = [];

    public int Capacity { get; } = capacity;

    /// <summary>Ascending by seq, no duplicates, no holes.</summary>
    public IReadOnlyList<ChatMessage> Messages => messages;

    /// <summary>The newest seq held; 0 when empty (seqs start at 1).</summary>
    public long LastSeq => messages.Count == 0 ? 0 : messages[^1].Seq;

    public long FirstSeq => messages.Count == 0 ? LastSeq + 1 : messages[0].Seq;

    public bool HasOlder => FirstSeq > 1;

    /// <summary>Newer messages exist that were dropped or not yet fetched: the window is not at the live end.</summary>
    public bool HasNewer { get; private set; }

    /// <summary>Starts over from the thread's newest page (the live end).</summary>
    public void Reset(IReadOnlyList<ChatMessage> newestPage)
    {
        messages.Clear();
        messages.AddRange(newestPage.OrderBy(m => m.Seq).DistinctBy(m => m.Seq));
        HasNewer = false;
        Trim(keepNewest: true);
    }

    public bool Contains(long seq) => seq >= FirstSeq && seq <= LastSeq;

    /// <summary>Adds a page that ends just before <see cref="FirstSeq"/>; drops the newest end past capacity.</summary>
    public int PrependOlder(IReadOnlyList<ChatMessage> page)
    {
        var older = new List<ChatMessage>();
        var expected = FirstSeq - 1;
        foreach (var message in page.OrderByDescending(m => m.Seq))
        {
            if (message.Seq > expected)
            {
                continue;
            }
            if (message.Seq < expected)
            {
                break;
            }
            older.Add(message);
            expected--;
        }
        older.Reverse();
        messages.InsertRange(0, older);
        Trim(keepNewest: false);
        return older.Count;
    }

    /// <summary>
    /// Appends messages that follow <see cref="LastSeq"/>, in seq order, ignoring ones already held.
    /// Stops at a hole: the caller fetches what is missing. Past capacity, <paramref name="keepNewest"/>
    /// decides which end survives: the reader at the bottom wants the newest, one reading history wants
    /// the rows they are looking at.
    /// </summary>
    public AppendResult AppendNewer(IEnumerable<ChatMessage> incoming, bool keepNewest)
    {
        var added = new List<ChatMessage>();
        var gap = false;
        foreach (var message in incoming.OrderBy(m => m.Seq))
        {
            if (message.Seq <= LastSeq)
            {
                continue;
            }
            if (message.Seq > LastSeq + 1)
            {
                gap = true;
                break;
            }
            messages.Add(message);
            added.Add(message);
        }
        Trim(keepNewest);
        return new AppendResult(added, gap);
    }

    /// <summary>
    /// A message as it now is (edited, deleted, reacted to): replaces the held copy when it is newer
    /// (a higher version), and refreshes the quotes of held replies to it. Returns whether anything
    /// changed. An older copy changes nothing, so changes may arrive in any order.
    /// </summary>
    public bool ApplyChange(ChatMessage changed)
    {
        var index = Contains(changed.Seq) ? (int)(changed.Seq - FirstSeq) : -1;
        if (index >= 0 && (messages[index].Id != changed.Id || messages[index].Version >= changed.Version))
        {
            return false;
        }
        if (index >= 0)
        {
            messages[index] = changed;
        }
        var quote = ReplyPreview.Of(changed);
        var quoted = false;
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i].ReplyTo is { } replyTo && replyTo.Id == changed.Id && replyTo != quote)
            {
                messages[i] = messages[i] with { ReplyTo = quote };
                quoted = true;
            }
        }
        return index >= 0 || quoted;
    }

    /// <summary>The live end moved on past what this window will hold (the reader is deep in history).</summary>
    public void MarkHasNewer() => HasNewer = true;

    /// <summary>A page fetched after <see cref="LastSeq"/> came back short: nothing newer exists.</summary>
    public void MarkAtLiveEnd() => HasNewer = false;

    private void Trim(bool keepNewest)
    {
        var excess = messages.Count - Capacity;
        if (excess <= 0)
        {
            return;
        }
        if (keepNewest)
        {
            messages.RemoveRange(0, excess);
        }
        else
        {
            messages.RemoveRange(messages.Count - excess, excess);
            HasNewer = true;
        }
    }
}
