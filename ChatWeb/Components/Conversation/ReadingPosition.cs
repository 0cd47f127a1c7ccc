using ChatWeb.Domain.Chat;

namespace ChatWeb.Components.Conversation;

/// <summary>
/// Where the reader of the open conversation is, and what that means: whether they see the newest
/// messages, where the "New messages" divider goes, how many arrived while they looked elsewhere
/// (the count on the jump button), and how far the server has been told they read.
/// </summary>
internal sealed class ReadingPosition(string myUserName)
{
    public bool IsAtBottom { get; private set; } = true;

    /// <summary>The page is showing (not a hidden tab).</summary>
    public bool IsVisible { get; private set; } = true;

    /// <summary>The first message that was unread when the conversation opened, or that came while the reader was away.</summary>
    public long? UnreadFromSeq { get; private set; }

    /// <summary>Others' messages that arrived while the reader was not looking at the newest ones.</summary>
    public int NewWhileAway { get; private set; }

    /// <summary>The read mark the server holds for this reader, as far as this view knows.</summary>
    public long MarkedReadSeq { get; private set; }

    public void Opened(ThreadSummary summary)
    {
        UnreadFromSeq = summary.LastSeq > summary.LastReadSeq ? summary.LastReadSeq + 1 : null;
        MarkedReadSeq = summary.LastReadSeq;
    }

    /// <summary>The reader can see the newest messages right now.</summary>
    public bool IsViewingLatest(MessageWindow window) => IsAtBottom && IsVisible && !window.HasNewer;

    /// <summary>Counts others' messages the reader has not seen yet and starts the divider at the first one.</summary>
    public void NoteArrivals(IReadOnlyList<ChatMessage> added, MessageWindow window)
    {
        if (IsViewingLatest(window))
        {
            return;
        }
        var fromOthers = added.Where(m => !string.Equals(m.Sender, myUserName, StringComparison.OrdinalIgnoreCase)).ToList();
        NewWhileAway += fromOthers.Count;
        if (fromOthers.Count > 0 && UnreadFromSeq is null)
        {
            UnreadFromSeq = fromOthers[0].Seq;
        }
    }

    public void ScrolledTo(bool atBottom, MessageWindow window)
    {
        IsAtBottom = atBottom;
        if (IsViewingLatest(window))
        {
            NewWhileAway = 0;
        }
    }

    public void VisibilityChanged(bool visible) => IsVisible = visible;

    /// <summary>The reader sent a message: the view goes to the live end, where it appears.</summary>
    public void Sent() => IsAtBottom = true;

    /// <summary>
    /// The seq to tell the server the reader has read: the newest held, while they look at it (or,
    /// with <paramref name="force"/>, on opening); null when the server already has it.
    /// </summary>
    public long? ReadMarkDue(MessageWindow window, bool force) =>
        window.LastSeq > MarkedReadSeq && (force || IsViewingLatest(window)) ? window.LastSeq : null;

    public void Marked(long seq) => MarkedReadSeq = Math.Max(MarkedReadSeq, seq);
}
