using ChatWeb.Domain.Attachments;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Search;

namespace ChatWeb.Components.Conversation;

/// <summary>
/// The messages of one open conversation and the receiving half of the consistency protocol:
/// apply in seq order, drop duplicates, fetch what a gap or a reconnect left out. Also this
/// device's unconfirmed sends. Used from the renderer's context only, so it needs no locks; the
/// awaits in between are safe because every apply re-checks seqs against the window.
/// </summary>
public sealed class ConversationFeed(
    MessageService messageService, MessageSearchService search, string userId, string userName, Guid threadId, TimeProvider time)
{
    public const int PageSize = 50;
    public const int WindowCapacity = 6 * PageSize;

    private readonly List<OutgoingMessage> outgoing = [];
    private bool catchingUp;
    private bool catchUpAgain;

    public MessageWindow Window { get; } = new(WindowCapacity);

    public IReadOnlyList<OutgoingMessage> Outgoing => outgoing;

    public bool IsLoaded { get; private set; }

    /// <summary>Bumped on every change to what would be rendered, so views rebuild their rows only when needed.</summary>
    public int Version { get; private set; }

    /// <summary>The highest seq this device has heard of, from events and summaries.</summary>
    public long KnownLastSeq { get; private set; }

    /// <summary>Held the live end but missed something after it.</summary>
    public bool NeedsCatchUp => IsLoaded && !Window.HasNewer && KnownLastSeq > Window.LastSeq;

    public void NoteLastSeq(long seq) => KnownLastSeq = Math.Max(KnownLastSeq, seq);

    /// <summary>Only the newest page: a thread of 100,000 messages opens as fast as one of ten.</summary>
    public async Task LoadNewestAsync(CancellationToken ct)
    {
        var page = await messageService.GetBeforeAsync(userId, threadId, null, PageSize, ct);
        Window.Reset(page);
        NoteLastSeq(Window.LastSeq);
        IsLoaded = true;
        Version++;
    }

    /// <summary>Opens at a message deep in history (a search hit): the page around it instead of the newest.</summary>
    public async Task LoadAroundAsync(long seq, CancellationToken ct) =>
        HoldAround(await search.GetAroundAsync(userId, threadId, seq, PageSize, ct));

    /// <summary>
    /// Makes sure <paramref name="seq"/> is held (a quote's original was asked for): nothing is read
    /// when it already is; otherwise the window is replaced by the page around it, one request however
    /// far back it lies, as when opening at a search hit. Returns whether it is held; a page without it
    /// leaves the window as it was.
    /// </summary>
    public async Task<bool> HoldAsync(long seq, CancellationToken ct)
    {
        if (Window.Contains(seq))
        {
            return true;
        }
        var page = await search.GetAroundAsync(userId, threadId, seq, PageSize, ct);
        if (!page.Any(m => m.Seq == seq))
        {
            return false;
        }
        HoldAround(page);
        return true;
    }

    public async Task<int> LoadOlderAsync(CancellationToken ct)
    {
        if (!Window.HasOlder)
        {
            return 0;
        }
        var page = await messageService.GetBeforeAsync(userId, threadId, Window.FirstSeq, PageSize, ct);
        Version++;
        return Window.PrependOlder(page);
    }

    /// <summary>Scrolling back down through history towards the live end.</summary>
    public async Task<int> LoadNewerAsync(CancellationToken ct)
    {
        if (!Window.HasNewer)
        {
            return 0;
        }
        var after = Window.LastSeq;
        var page = await messageService.GetAfterAsync(userId, threadId, after, PageSize, ct);
        if (Window.LastSeq != after)
        {
            // The window was replaced meanwhile (a jump to a quote's original, or to the latest):
            // the page follows the old one, and a short page would wrongly say the live end is held.
            return 0;
        }
        var added = Window.AppendNewer(page, keepNewest: true).Added;
        if (page.Count < PageSize)
        {
            Window.MarkAtLiveEnd();
        }
        Version++;
        return added.Count;
    }

    /// <summary>A live message (or a send's confirmation). Returns what became visible, catch-up included.</summary>
    public async Task<IReadOnlyList<ChatMessage>> ReceiveAsync(ChatMessage message, Func<bool> keepNewest, CancellationToken ct)
    {
        NoteLastSeq(message.Seq);
        Confirm(message);
        if (!IsLoaded || Window.HasNewer)
        {
            return [];
        }
        var result = Window.AppendNewer([message], keepNewest());
        Version++;
        if (!result.Gap)
        {
            return result.Added;
        }
        return [.. result.Added, .. await CatchUpAsync(keepNewest, ct)];
    }

    /// <summary>
    /// A message as it now is, from <c>MessageChanged</c>, a change catch-up or a change's answer:
    /// replaces the held copy when newer. A change can overtake its message's own arrival; a message
    /// past the live end is then taken as received. Returns what became visible, as ReceiveAsync.
    /// </summary>
    public async Task<IReadOnlyList<ChatMessage>> ApplyChangeAsync(ChatMessage changed, Func<bool> keepNewest, CancellationToken ct)
    {
        if (changed.Seq > Window.LastSeq)
        {
            return await ReceiveAsync(changed, keepNewest, ct);
        }
        if (Window.ApplyChange(changed))
        {
            Version++;
        }
        return [];
    }

    /// <summary>
    /// Fetches everything after the last held seq, a page at a time, until a short page says the
    /// live end is reached. One run at a time; a request during a run makes it go round once more.
    /// </summary>
    public async Task<IReadOnlyList<ChatMessage>> CatchUpAsync(Func<bool> keepNewest, CancellationToken ct)
    {
        if (catchingUp)
        {
            catchUpAgain = true;
            return [];
        }
        catchingUp = true;
        var added = new List<ChatMessage>();
        try
        {
            do
            {
                catchUpAgain = false;
                while (IsLoaded && !Window.HasNewer)
                {
                    var page = await messageService.GetAfterAsync(userId, threadId, Window.LastSeq, ChatInput.MaxPageSize, ct);
                    foreach (var message in page)
                    {
                        NoteLastSeq(message.Seq);
                        Confirm(message);
                    }
                    added.AddRange(Window.AppendNewer(page, keepNewest()).Added);
                    Version++;
                    if (page.Count < ChatInput.MaxPageSize)
                    {
                        break;
                    }
                }
            }
            while (catchUpAgain);
        }
        finally
        {
            catchingUp = false;
        }
        return added;
    }

    /// <summary>
    /// A page around a message deep in history replaces the window, which knows newer messages exist
    /// when the page stops short of the thread's last seq, so scrolling down (or "jump to latest") loads them.
    /// </summary>
    private void HoldAround(IReadOnlyList<ChatMessage> page)
    {
        Window.Reset(page);
        if (Window.LastSeq < KnownLastSeq)
        {
            Window.MarkHasNewer();
        }
        NoteLastSeq(Window.LastSeq);
        IsLoaded = true;
        Version++;
    }

    /// <summary>Shows the message at once, under a fresh client message id that every retry will reuse.</summary>
    public OutgoingMessage Queue(string body, IReadOnlyList<string>? mentions = null, IReadOnlyList<AttachmentView>? attachments = null, ReplyPreview? replyTo = null)
    {
        var message = new OutgoingMessage(Guid.NewGuid().ToString(), body, time.GetUtcNow().UtcDateTime, MessageStatus.Pending)
        {
            Mentions = mentions ?? [],
            Attachments = attachments ?? [],
            ReplyTo = replyTo,
        };
        outgoing.Add(message);
        Version++;
        return message;
    }

    /// <summary>Sends (or re-sends) a queued message; on failure it stays, marked failed, and the error is rethrown.</summary>
    public async Task SendAsync(OutgoingMessage message, Func<bool> keepNewest, CancellationToken ct)
    {
        SetStatus(message.ClientMessageId, MessageStatus.Pending);
        try
        {
            // Off the renderer's context: SQLite's "async" calls block while another writer holds the
            // lock, and the reader should keep typing (and see the pending row) meanwhile.
            var draft = message.Draft;
            var stored = await Task.Run(() => messageService.PostAsync(userId, threadId, draft, ct), ct);
            await ReceiveAsync(stored, keepNewest, ct);
        }
        catch
        {
            SetStatus(message.ClientMessageId, MessageStatus.Failed);
            throw;
        }
    }

    /// <summary>The stored copy of one of this device's sends arrived (by event, reply or catch-up): the pending row goes.</summary>
    private void Confirm(ChatMessage message)
    {
        if (string.Equals(message.Sender, userName, StringComparison.OrdinalIgnoreCase))
        {
            Version += outgoing.RemoveAll(o => o.ClientMessageId == message.ClientMessageId);
        }
    }

    private void SetStatus(string clientMessageId, MessageStatus status)
    {
        var index = outgoing.FindIndex(o => o.ClientMessageId == clientMessageId);
        if (index >= 0)
        {
            outgoing[index] = outgoing[index] with { Status = status };
            Version++;
        }
    }
}
