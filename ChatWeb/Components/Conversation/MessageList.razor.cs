using ChatWeb.Components.Shared;
using ChatWeb.Domain.Chat;
using ChatWeb.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace ChatWeb.Components.Conversation;

/// <summary>
/// The scrolling history. Not <c>Virtualize</c>: it is top-anchored and sizes its spacers from an
/// average row height, while a chat is bottom-anchored, grows at both ends, has rows of very
/// different heights (one line to 4,000 characters) and needs each row's neighbours for grouping
/// and separators; scrolling to the end of a 100,000-row spacer jumps and flickers. Instead the
/// <see cref="MessageWindow"/> holds a bounded run of messages (a few pages), loaded a page at a
/// time at whichever edge the reader scrolls to and dropped at the other, and the module keeps
/// the first visible row in place while rows come and go above it. Open cost: one page; rendered
/// rows: at most the window's capacity, however long the thread.
/// </summary>
public sealed partial class MessageList : IAsyncDisposable
{
    private const string UnreadDividerKey = "new-messages-divider";

    private readonly CancellationTokenSource disposed = new();
    private ElementReference scroller;
    private DotNetObjectReference<MessageList>? callbacks;
    private IJSObjectReference? scrollKeeper;
    private IReadOnlyList<TimelineEntry> entries = [];
    private (int Version, long? UnreadFromSeq, LocalClock Clock, bool IsGroup, ThreadSummary? Summary, Guid? Editing)? builtFrom;
    private (bool HasOlder, bool HasNewer)? edgesSent;
    private bool loadAnswered;
    private int loadVersion;
    private bool scrollToBottomRequested;
    private long? revealRequested;
    private bool loading;
    private bool loadingOlder;
    private bool atBottom = true;

    [Inject] public required ISnackbar Snackbar { get; init; }

    [Inject] public required ILogger<MessageList> Logger { get; init; }

    [Parameter, EditorRequired] public ConversationFeed Feed { get; set; } = default!;

    [Parameter, EditorRequired] public ConversationInterop Interop { get; set; } = default!;

    [Parameter, EditorRequired] public LocalClock Clock { get; set; } = default!;

    [Parameter, EditorRequired] public CurrentUser Me { get; set; } = default!;

    [Parameter] public bool IsGroup { get; set; }

    /// <summary>The first seq that was unread when the conversation was opened: the divider goes there.</summary>
    [Parameter] public long? UnreadFromSeq { get; set; }

    /// <summary>Messages that arrived while the reader was away from the bottom, shown on the jump button.</summary>
    [Parameter] public int NewCount { get; set; }

    [Parameter] public EventCallback<bool> AtBottomChanged { get; set; }

    [Parameter] public EventCallback<bool> VisibilityChanged { get; set; }

    /// <summary>Retry a failed send, by client message id.</summary>
    [Parameter] public EventCallback<string> OnRetry { get; set; }

    /// <summary>The message the conversation opened at (a search hit): shown first, and highlighted as a revealed one is.</summary>
    [Parameter] public long? OpenAtSeq { get; set; }

    /// <summary>The thread as the reader sees it: read receipts and what the reader may do come from it.</summary>
    [Parameter] public ThreadSummary? Summary { get; set; }

    /// <summary>The message being edited in place, if any.</summary>
    [Parameter] public Guid? EditingMessageId { get; set; }

    /// <summary>After the next render, scroll the message with this seq into view and highlight it briefly.</summary>
    public void RevealAfterRender(long seq)
    {
        revealRequested = seq;
    }

    /// <summary>After the next render, scroll to the newest message (the reader just sent one).</summary>
    public void ScrollToBottomAfterRender() => scrollToBottomRequested = true;

    protected override void OnParametersSet() => Rebuild();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            callbacks = DotNetObjectReference.Create(this);
            scrollKeeper = await Interop.AttachScrollerAsync(scroller, callbacks);
        }
        // Renders that finish while the keeper is still being attached leave their news for it.
        if (scrollKeeper is null)
        {
            return;
        }
        // Before the edges: at its place, not wherever the replaced window left the scroll, the
        // module decides whether more should load.
        if (revealRequested is { } seq)
        {
            revealRequested = null;
            await Interop.CallAsync(scrollKeeper, "revealMessage", seq);
        }
        var edges = (Feed.Window.HasOlder, Feed.Window.HasNewer);
        if (edges != edgesSent || loadAnswered)
        {
            int? answered = loadAnswered ? loadVersion : null;
            edgesSent = edges;
            loadAnswered = false;
            await Interop.CallAsync(scrollKeeper, "setEdges", edges.HasOlder, edges.HasNewer, answered);
        }
        if (scrollToBottomRequested)
        {
            scrollToBottomRequested = false;
            await Interop.CallAsync(scrollKeeper, "scrollToBottom");
        }
    }

    [JSInvokable]
    public Task OnAtBottomChanged(bool isAtBottom) => InvokeAsync(async () =>
    {
        atBottom = isAtBottom;
        await AtBottomChanged.InvokeAsync(isAtBottom);
        StateHasChanged();
    });

    [JSInvokable]
    public Task OnVisibilityChanged(bool isVisible) => InvokeAsync(() => VisibilityChanged.InvokeAsync(isVisible));

    [JSInvokable]
    public Task OnNearTop() => InvokeAsync(LoadOlderAsync);

    [JSInvokable]
    public Task OnNearBottom() => InvokeAsync(() => LoadAsync(older: false));

    private Task LoadOlderAsync() => LoadAsync(older: true);

    private async Task LoadAsync(bool older)
    {
        if (loading)
        {
            return;
        }
        loading = true;
        loadingOlder = older;
        await Interop.CallAsync(scrollKeeper, "holdPosition");
        StateHasChanged();
        try
        {
            await (older ? Feed.LoadOlderAsync(disposed.Token) : Feed.LoadNewerAsync(disposed.Token));
            if (Feed.NeedsCatchUp)
            {
                await Feed.CatchUpAsync(() => atBottom, disposed.Token);
            }
        }
        catch (ChatException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        catch (Exception ex) when (!disposed.IsCancellationRequested)
        {
            var which = older ? "earlier" : "newer";
            Logger.LogError(ex, "Loading {Which} messages failed.", which);
            Snackbar.Add($"Could not load {which} messages. Scroll to try again.", Severity.Warning);
        }
        finally
        {
            loading = false;
            loadingOlder = false;
            // The module lets go of the held position, and may ask again, once this render is on screen.
            loadVersion++;
            loadAnswered = true;
            Rebuild();
            StateHasChanged();
        }
    }

    private async Task JumpToLatestAsync()
    {
        if (Feed.Window.HasNewer)
        {
            try
            {
                await Feed.LoadNewestAsync(disposed.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Logger.LogError(ex, "Loading the newest messages failed.");
                Snackbar.Add("Could not load the newest messages.", Severity.Warning);
                return;
            }
            Rebuild();
        }
        scrollToBottomRequested = true;
    }

    // The parent re-renders for every live event (typing, presence); the rows only change with the feed.
    private void Rebuild()
    {
        var inputs = (Feed.Version, UnreadFromSeq, Clock, IsGroup, Summary, EditingMessageId);
        if (inputs == builtFrom)
        {
            return;
        }
        builtFrom = inputs;
        entries = TimelineBuilder.Build(Feed.Window.Messages, Feed.Outgoing, Me.UserName, Me.DisplayName, IsGroup, UnreadFromSeq, Clock);
        entries = MessageLifeBuilder.Apply(entries, Feed.Window, Feed.Outgoing, Summary, Me.UserName, EditingMessageId);
    }

    public async ValueTask DisposeAsync()
    {
        // Cancelled, not disposed: a load still in flight may read the token once more on its way out.
        await disposed.CancelAsync();
        await Interop.ReleaseAsync(scrollKeeper);
        callbacks?.Dispose();
    }
}
