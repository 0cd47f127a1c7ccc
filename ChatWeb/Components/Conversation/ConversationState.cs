using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using ChatWeb.Domain.Presence;
using ChatWeb.Domain.Search;
using ChatWeb.Realtime;

namespace ChatWeb.Components.Conversation;

/// <summary>
/// One open conversation apart from rendering: the thread as the reader sees it, its messages and
/// this device's sends (<see cref="Feed"/>), who is typing, the other person's presence, where the
/// reader is (<see cref="Reading"/>), and what every live event and scroll does to all that.
/// Used on the renderer's context only, like the feed it holds. A call that finds the reader is no
/// longer a member moves <see cref="Status"/> to Removed; the view says so and goes home.
/// </summary>
internal sealed class ConversationState(
    ConversationService conversations,
    MessageService messages,
    MessageSearchService search,
    ThreadSettingsService settings,
    PresenceService presence,
    CurrentUser me,
    Guid threadId,
    TimeProvider time,
    ILogger logger,
    CancellationToken ct) : IDisposable
{
    private ConversationOutbox? outbox;
    private ChangeCatchUp? changes;
    private bool markingRead;

    public ConversationFeed Feed { get; } = new(messages, search, me.Id, me.UserName, threadId, time);

    public ReadingPosition Reading { get; } = new(me.UserName);

    public TypingTracker Typing { get; } = new(time);

    /// <summary>This device's sends.</summary>
    public ConversationOutbox Outbox => outbox ??= new(Feed, Reading, threadId, logger, ct);

    /// <summary>Edits, deletes and reactions: applied in version order, caught up after a gap or a reconnect.</summary>
    public ChangeCatchUp Changes => changes ??= new(messages, Feed, me.Id, threadId);

    public ConversationStatus Status { get; private set; } = ConversationStatus.Loading;

    /// <summary>Removed because the reader left it here (rather than elsewhere, or by being removed).</summary>
    public bool LeftByReader { get; private set; }

    public ThreadSummary? Summary { get; private set; }

    /// <summary>The other person's presence in a direct thread; null in a group.</summary>
    public PresenceView? PeerPresence { get; private set; }

    public ThreadMemberView? Peer =>
        Summary is { Kind: ThreadKind.Direct } s
            ? s.Members.FirstOrDefault(m => !string.Equals(m.UserName, me.UserName, StringComparison.OrdinalIgnoreCase))
            : null;

    /// <summary>The message to open at instead of the newest (a search hit): the page around it is loaded.</summary>
    public long? OpenAtSeq { get; set; }

    /// <summary>Only the newest page (or the one around <see cref="OpenAtSeq"/>), the thread and the peer's presence; Status says how it went.</summary>
    public async Task OpenAsync()
    {
        try
        {
            Summary = await conversations.GetThreadAsync(me.Id, threadId, ct);
            Feed.NoteLastSeq(Summary.LastSeq);
            Changes.Opened(Summary.LastVersion);
            await (OpenAtSeq is { } at ? Feed.LoadAroundAsync(at, ct) : Feed.LoadNewestAsync(ct));
            Reading.Opened(Summary);
            await LoadPeerPresenceAsync();
            // Unless the reader was removed while it loaded: that news stands.
            if (Status == ConversationStatus.Loading)
            {
                Status = ConversationStatus.Open;
            }
        }
        catch (ChatException ex) when (ex.Kind == ChatErrorKind.NotFound && Status == ConversationStatus.Loading)
        {
            Status = ConversationStatus.NotFound;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Opening conversation {ThreadId} failed.", threadId);
            Status = ConversationStatus.LoadFailed;
        }
    }

    /// <summary>Once live events flow: fetches what arrived during the load and marks the thread read.</summary>
    public Task SettleAsync() => GuardAsync(async () =>
    {
        if (Feed.NeedsCatchUp)
        {
            await Feed.CatchUpAsync(KeepNewest, ct);
        }
        await MarkReadAsync(force: true);
    });

    public Task ReceiveAsync(ChatMessage message) => GuardAsync(async () =>
    {
        Typing.Remove(message.Sender);
        if (Summary is not null)
        {
            ApplySummary(Summary.WithMessage(message, me.UserName));
        }
        Reading.NoteArrivals(await Feed.ReceiveAsync(message, KeepNewest, ct), Feed.Window);
        if (Changes.Note(message.Version))
        {
            Reading.NoteArrivals(await Changes.CatchUpAsync(KeepNewest, ct), Feed.Window);
        }
        await MarkReadAsync();
    });

    /// <summary>A message was edited, deleted or reacted to (an event, or the answer to the reader's own change).</summary>
    public Task ChangedAsync(ChatMessage changed) => GuardAsync(async () =>
    {
        if (Summary is not null)
        {
            ApplySummary(Summary.WithChange(changed));
        }
        Reading.NoteArrivals(await Changes.ApplyAsync(changed, KeepNewest, ct), Feed.Window);
        await MarkReadAsync();
    });

    /// <summary>Another member read further (read receipts): their mark rises in the members list.</summary>
    public void NoteReadUpTo(ReadUpTo read)
    {
        if (Summary is not null && read.ThreadId == threadId)
        {
            Summary = Summary.WithReadUpTo(read);
        }
    }

    public Task ThreadUpdatedAsync(ThreadSummary changed) => GuardAsync(async () =>
    {
        ApplySummary(changed);
        if (Feed.NeedsCatchUp)
        {
            Reading.NoteArrivals(await Feed.CatchUpAsync(KeepNewest, ct), Feed.Window);
            await MarkReadAsync();
        }
    });

    /// <summary>Events were missed while the connection was down: the thread again, everything after the last seq, and every change after the last version.</summary>
    public Task ReconnectedAsync() => GuardAsync(async () =>
    {
        ApplySummary(await conversations.GetThreadAsync(me.Id, threadId, ct));
        Reading.NoteArrivals(await Feed.CatchUpAsync(KeepNewest, ct), Feed.Window);
        // By seq first (new messages as they are now), then by version (changes to the ones held).
        Reading.NoteArrivals(await Changes.CatchUpAsync(KeepNewest, ct), Feed.Window);
        await LoadPeerPresenceAsync();
        await MarkReadAsync();
    });

    /// <summary>Own notices come from the reader's other devices: not news to them.</summary>
    public void NoteTyping(TypingNotice notice)
    {
        if (!string.Equals(notice.UserName, me.UserName, StringComparison.OrdinalIgnoreCase))
        {
            Typing.Note(notice);
        }
    }

    /// <summary>Presence reaches everyone who shares a thread or a contact: only the peer's is kept.</summary>
    public void NotePresence(PresenceView view)
    {
        if (Peer is { } peer && string.Equals(peer.UserName, view.UserName, StringComparison.OrdinalIgnoreCase))
        {
            PeerPresence = view;
        }
    }

    /// <summary>A newer view of the thread (a live event, or a change saved in the settings panel).</summary>
    public void ApplySummary(ThreadSummary changed)
    {
        Summary = changed;
        Feed.NoteLastSeq(changed.LastSeq);
    }

    /// <summary>
    /// The reader is no longer a member (left, or was removed). Leaving is reported twice, by the
    /// settings panel and by the live event, in either order: the first one counts.
    /// </summary>
    public void Leave(bool byReader)
    {
        if (Status is ConversationStatus.Loading or ConversationStatus.Open)
        {
            Status = ConversationStatus.Removed;
            LeftByReader = byReader;
        }
    }

    public Task ScrolledAsync(bool atBottom) => GuardAsync(async () =>
    {
        Reading.ScrolledTo(atBottom, Feed.Window);
        if (Reading.IsViewingLatest(Feed.Window))
        {
            await MarkReadAsync();
        }
    });

    public Task VisibilityChangedAsync(bool visible) => GuardAsync(async () =>
    {
        Reading.VisibilityChanged(visible);
        await MarkReadAsync();
    });

    public void Dispose() => Typing.Dispose();

    private bool KeepNewest() => Reading.IsAtBottom;

    /// <summary>
    /// Moves the read mark to the newest held message while the reader is looking at it (or, with
    /// <paramref name="force"/>, on opening). One call at a time; a later seq wins the next round.
    /// </summary>
    private async Task MarkReadAsync(bool force = false)
    {
        if (markingRead)
        {
            return;
        }
        markingRead = true;
        try
        {
            while (Reading.ReadMarkDue(Feed.Window, force) is { } seq)
            {
                Summary = await settings.MarkReadAsync(me.Id, threadId, seq, ct);
                Reading.Marked(seq);
                force = false;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ChatException { Kind: ChatErrorKind.NotFound })
        {
            // A read mark is re-sent with the next one; not worth interrupting the reader for.
            logger.LogWarning(ex, "Marking conversation {ThreadId} read failed.", threadId);
        }
        finally
        {
            markingRead = false;
        }
    }

    private async Task LoadPeerPresenceAsync()
    {
        PeerPresence = Peer is { } peer ? (await presence.GetAsync([peer.UserName], ct)).FirstOrDefault() : null;
    }

    /// <summary>Runs a change while the conversation can change; "not found" now means the reader was removed.</summary>
    private async Task GuardAsync(Func<Task> change)
    {
        if (Status is not (ConversationStatus.Loading or ConversationStatus.Open))
        {
            return;
        }
        try
        {
            await change();
        }
        catch (ChatException ex) when (ex.Kind == ChatErrorKind.NotFound)
        {
            Leave(byReader: false);
        }
    }
}
