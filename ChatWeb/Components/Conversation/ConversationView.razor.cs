using ChatWeb.Components.Attention;
using ChatWeb.Components.Attachments;
using ChatWeb.Components.Shared;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Presence;
using ChatWeb.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace ChatWeb.Components.Conversation;

/// <summary>
/// One open conversation: header, history, composer and settings. The conversation's state and
/// what events, sends and scrolling do to it live in <see cref="ConversationState"/>; this is its
/// lifecycle (load, live events, disposal) and its rendering.
/// </summary>
public sealed partial class ConversationView : IAsyncDisposable
{
    private LiveViewEvents? live;
    private ConversationState? state;
    private CurrentUser? me;
    private ConversationInterop? interop;
    private LocalClock clock = LocalClock.Utc(TimeProvider.System);
    private MessageList? messageList;
    private Composer? composer;
    private ConversationInteractions? actions;
    private MessageInteractions? rowInteractions;
    private bool ready;
    private bool settingsOpen;
    private bool goneShown;

    [Inject] public required ConversationService Conversations { get; init; }

    [Inject] public required MessageService Messages { get; init; }

    [Inject] public required MessageChangeService MessageChanges { get; init; }

    [Inject] public required IDialogService Dialogs { get; init; }

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

    /// <summary>Opens at this message (a search hit), scrolled to it and briefly highlighted, instead of at the newest.</summary>
    [Parameter] public long? OpenAtSeq { get; set; }

    [Inject] public required ChatWeb.Domain.Search.MessageSearchService Search { get; init; }

    /// <summary>
    /// The page's clock, which ticks every minute. The view asks the browser for its zone itself,
    /// so it never shows a frame in UTC first; this only brings its "now" forward, so "Today" becomes
    /// "Yesterday" at midnight and "last seen 5 min ago" keeps counting on a page left open.
    /// </summary>
    [CascadingParameter] public LocalClock? PageClock { get; set; }

    private ConversationStatus Status => state?.Status ?? ConversationStatus.Loading;

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
        interop = new ConversationInterop(JS, Logger);
        me = await CurrentUser.GetAsync();
        live = new LiveViewEvents(Events, InvokeAsync, Snackbar, Logger);
        var opened = state = new ConversationState(
            Conversations, Messages, Search, ThreadSettings, PresenceService, me, ThreadId, Time, Logger, live.Token)
        {
            OpenAtSeq = OpenAtSeq,
        };
        opened.Typing.Lapsed += () => _ = InvokeAsync(StateHasChanged);
        live.On<ChatMessage>(m => ForThisThread(m.ThreadId, () => opened.ReceiveAsync(m)))
            .On<ThreadSummary>(s => ForThisThread(s.Id, () => opened.ThreadUpdatedAsync(s)))
            .On<ThreadRemovedNotice>(n => ForThisThread(n.ThreadId, () => opened.Leave(byReader: false)))
            .On<TypingNotice>(n => ForThisThread(n.ThreadId, () => opened.NoteTyping(n)))
            .On<PresenceView>(p => Change(() => opened.NotePresence(p)))
            .On<MessageChangedNotice>(n => ForThisThread(n.Message.ThreadId, () => opened.ChangedAsync(n.Message)))
            .On<ReadUpTo>(r => ForThisThread(r.ThreadId, () => opened.NoteReadUpTo(r)));
        var requests = new ChangeRequests(MessageChanges, opened.ChangedAsync, me.Id, ThreadId, Logger, live.Token);
        actions = new ConversationInteractions(opened, requests, Dialogs, Snackbar, RenderAsync, RevealAsync,
            () => composer?.FocusAsync() ?? Task.CompletedTask, me, Logger, live.Token);
        rowInteractions = actions.ForRows();
        // Subscribed before loading, so nothing published meanwhile is lost (settling catches up after).
        await live.StartAsync(OpenAsync, () => ChangeAsync(opened.ReconnectedAsync));
        await ChangeAsync(opened.SettleAsync);
    }

    private async Task OpenAsync()
    {
        // Asked alongside the first page, so the view never shows a UTC frame first.
        var zone = LocalClockProvider.AskBrowserAsync(JS);
        await state!.OpenAsync();
        if (state.Status != ConversationStatus.Open)
        {
            live!.Stop();
            return;
        }
        clock = await zone is { } readerZone ? new LocalClock(readerZone, Time.GetUtcNow()) : LocalClock.Utc(Time);
        // Shown only now, complete and in local time: the list attaches its scroll keeping to a full
        // first page and opens at the bottom (or the first unread), with no empty or UTC frame first.
        ready = true;
        StateHasChanged();
    }

    private Task ForThisThread(Guid threadId, Func<Task> change) => threadId == ThreadId ? ChangeAsync(change) : Task.CompletedTask;

    private Task ForThisThread(Guid threadId, Action change) => threadId == ThreadId ? Change(change) : Task.CompletedTask;

    private Task Change(Action change) => ChangeAsync(() =>
    {
        change();
        return Task.CompletedTask;
    });

    /// <summary>Runs a change to the state, then shows its outcome; a reader who is no longer a member is sent home.</summary>
    private async Task ChangeAsync(Func<Task> change)
    {
        try
        {
            await change();
        }
        finally
        {
            if (state is { Status: ConversationStatus.Removed } && !goneShown)
            {
                ShowRemoved(state);
            }
            StateHasChanged();
        }
    }

    /// <summary>Never keep showing the content of a conversation the reader has left.</summary>
    private void ShowRemoved(ConversationState removed)
    {
        goneShown = true;
        settingsOpen = false;
        live?.Stop();
        var title = removed.Summary?.DisplayTitle ?? "this conversation";
        Snackbar.Add(removed.LeftByReader ? $"You left {title}." : $"You are no longer a member of {title}.", Severity.Info);
        Navigation.NavigateTo("/");
    }

    private async Task SendAsync(string body)
    {
        if (state is null)
        {
            return;
        }
        var outgoing = await state.Outbox.QueueAsync(body, MentionsIn(body), replyTo: actions?.TakeReply());
        messageList?.ScrollToBottomAfterRender();
        StateHasChanged();
        ShowSendError(await state.Outbox.DeliverAsync(outgoing));
    }

    private MentionNames? mentionNames;

    // The bubbles draw mentions by the members' names; one instance while the members stay the same.
    private MentionNames MentionNamesOf(ThreadSummary summary) =>
        mentionNames is { } shown && ReferenceEquals(shown.Source, summary.Members) ? shown : mentionNames = new MentionNames(summary.Members);

    // In a group, the members the picker wrote into the text ("@Name"), and @here where allowed.
    private IReadOnlyList<string> MentionsIn(string body) =>
        state?.Summary is { Kind: Domain.Entities.ThreadKind.Group } group ? new MentionNames(group.Members).Find(body, group.CanMentionHere) : [];

    private async Task PostAsync(ComposedMessage composed)
    {
        if (state is null)
        {
            return;
        }
        var outgoing = await state.Outbox.QueueAsync(composed.Body, MentionsIn(composed.Body), composed.Attachments, actions?.TakeReply());
        messageList?.ScrollToBottomAfterRender();
        StateHasChanged();
        ShowSendError(await state.Outbox.DeliverAsync(outgoing));
    }

    private async Task RetryAsync(string clientMessageId)
    {
        if (state is not null)
        {
            ShowSendError(await state.Outbox.RetryAsync(clientMessageId));
        }
    }

    private void ShowSendError(string? error)
    {
        if (error is not null)
        {
            Snackbar.Add(error, Severity.Error);
        }
    }

    private Task OnAtBottomChangedAsync(bool atBottom) => ChangeAsync(() => state!.ScrolledAsync(atBottom));

    private Task OnVisibilityChangedAsync(bool visible) => ChangeAsync(() => state!.VisibilityChangedAsync(visible));

    private void OnSummaryChanged(ThreadSummary changed) => state?.ApplySummary(changed);

    private Task OnLeft() => Change(() => state!.Leave(byReader: true));

    private void Reload() => Navigation.Refresh(forceReload: true);

    private Task RenderAsync()
    {
        StateHasChanged();
        return Task.CompletedTask;
    }

    /// <summary>A quote's original is held: the list scrolls to it once rendered and highlights it.</summary>
    private Task RevealAsync(long seq)
    {
        messageList?.RevealAfterRender(seq);
        StateHasChanged();
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        live?.Dispose();
        state?.Dispose();
        if (interop is not null)
        {
            await interop.DisposeAsync();
        }
    }
}
