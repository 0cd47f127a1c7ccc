using ChatWeb.Components.Shared;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using ChatWeb.Domain.Presence;
using ChatWeb.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace ChatWeb.Components.Conversation;

/// <summary>
/// One open conversation: header, history, composer and settings. Loading and disposal live here;
/// live events in ConversationView.Live.cs, sending and read marks in ConversationView.Sending.cs.
/// </summary>
public sealed partial class ConversationView : IAsyncDisposable
{
    private readonly CancellationTokenSource disposed = new();
    private readonly List<IDisposable> subscriptions = [];
    private CurrentUser? me;
    private ConversationInterop? interop;
    private ConversationFeed? feed;
    private ThreadSummary? summary;
    private PresenceView? peerPresence;
    private LocalClock clock = LocalClock.Utc(TimeProvider.System);
    private TypingTracker typing = new(TimeProvider.System);
    private MessageList? messageList;
    private long? unreadFromSeq;
    private bool notFound;
    private bool removed;
    private bool loadFailed;
    private bool ready;
    private bool settingsOpen;

    [Inject] public required ConversationService Conversations { get; init; }

    [Inject] public required MessageService Messages { get; init; }

    [Inject] public required ThreadSettingsService ThreadSettings { get; init; }

    [Inject] public required PresenceService PresenceService { get; init; }

    [Inject] public required ICurrentUserAccessor CurrentUser { get; init; }

    [Inject] public required IChatEvents Events { get; init; }

    [Inject] public required IJSRuntime JS { get; init; }

    [Inject] public required ISnackbar Snackbar { get; init; }

    [Inject] public required NavigationManager Navigation { get; init; }

    [Inject] public required TimeProvider Time { get; init; }

    [Inject] public required ILogger<ConversationView> Logger { get; init; }

    [Parameter, EditorRequired] public Guid ThreadId { get; set; }

    private CancellationToken Ct => disposed.Token;

    /// <summary>
    /// The page's clock, which ticks every minute. The view asks the browser for its zone itself,
    /// so it never shows a frame in UTC first; this only brings its "now" forward, so "Today" becomes
    /// "Yesterday" at midnight and "last seen 5 min ago" keeps counting on a page left open.
    /// </summary>
    [CascadingParameter] public LocalClock? PageClock { get; set; }

    protected override void OnParametersSet()
    {
        if (PageClock is { } page && page.UtcNow > clock.UtcNow)
        {
            clock = clock with { UtcNow = page.UtcNow };
        }
    }

    protected override async Task OnInitializedAsync()
    {
        // The prerender only shows a spinner: the circuit that follows loads everything once, for real.
        if (!RendererInfo.IsInteractive)
        {
            return;
        }
        clock = LocalClock.Utc(Time);
        typing = new TypingTracker(Time);
        interop = new ConversationInterop(JS, Logger);
        me = await CurrentUser.GetAsync();
        feed = new ConversationFeed(Messages, me.Id, me.UserName, ThreadId, Time);

        // Subscribed before loading, so nothing published meanwhile is lost (the feed catches up after).
        Subscribe();
        var started = StartLiveEventsAsync();
        // Asked alongside the first page, so the view never shows a UTC frame first.
        var zone = LocalClockProvider.AskBrowserAsync(JS);
        try
        {
            await LoadAsync(feed, me);
        }
        catch (ChatException ex) when (ex.Kind == ChatErrorKind.NotFound)
        {
            notFound = true;
            Unsubscribe();
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Opening conversation {ThreadId} failed.", ThreadId);
            loadFailed = true;
            Unsubscribe();
            return;
        }
        clock = await zone is { } readerZone ? new LocalClock(readerZone, Time.GetUtcNow()) : LocalClock.Utc(Time);
        // Shown only now, complete and in local time: the list attaches its scroll keeping to a full
        // first page and opens at the bottom (or the first unread), with no empty or UTC frame first.
        ready = true;
        StateHasChanged();
        await started;
        if (feed.NeedsCatchUp)
        {
            await feed.CatchUpAsync(KeepNewest, Ct);
        }
        await MarkReadAsync(force: true);
    }

    private async Task LoadAsync(ConversationFeed opening, CurrentUser user)
    {
        summary = await Conversations.GetThreadAsync(user.Id, ThreadId, Ct);
        opening.NoteLastSeq(summary.LastSeq);
        await opening.LoadNewestAsync(Ct);
        unreadFromSeq = summary.LastSeq > summary.LastReadSeq ? summary.LastReadSeq + 1 : null;
        markedReadSeq = summary.LastReadSeq;
        await LoadPeerPresenceAsync();
    }

    private async Task StartLiveEventsAsync()
    {
        try
        {
            await Events.EnsureStartedAsync(Ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // History still loads and sends still work; the reconnect notice will bring the view up to date.
            Logger.LogWarning(ex, "Live events are not available for conversation {ThreadId}.", ThreadId);
        }
    }

    private ThreadMemberView? Peer =>
        summary is { Kind: ThreadKind.Direct } s && me is not null
            ? s.Members.FirstOrDefault(m => !string.Equals(m.UserName, me.UserName, StringComparison.OrdinalIgnoreCase))
            : null;

    private async Task LoadPeerPresenceAsync()
    {
        if (Peer is not { } peer)
        {
            peerPresence = null;
            return;
        }
        var found = await PresenceService.GetAsync([peer.UserName], Ct);
        peerPresence = found.FirstOrDefault();
    }

    private void Reload() => Navigation.Refresh(forceReload: true);

    private void OnSummaryChanged(ThreadSummary changed)
    {
        summary = changed;
        feed?.NoteLastSeq(changed.LastSeq);
    }

    /// <summary>
    /// The reader has left (left the group, was removed): never keep showing the content. Leaving
    /// is reported twice, by the panel and by the live event, in either order: the first one wins.
    /// </summary>
    private void ShowRemoved(bool byReader = false)
    {
        if (removed || notFound)
        {
            return;
        }
        removed = true;
        settingsOpen = false;
        Unsubscribe();
        var title = summary?.DisplayTitle ?? "this conversation";
        Snackbar.Add(byReader ? $"You left {title}." : $"You are no longer a member of {title}.", Severity.Info);
        Navigation.NavigateTo("/");
    }

    private void OnLeft() => ShowRemoved(byReader: true);

    private void Unsubscribe()
    {
        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }
        subscriptions.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        Unsubscribe();
        typingExpiry?.Dispose();
        // Cancelled, not disposed: work still in flight may read the token once more on its way out.
        await disposed.CancelAsync();
        if (interop is not null)
        {
            await interop.DisposeAsync();
        }
    }
}
