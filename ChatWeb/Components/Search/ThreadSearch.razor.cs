using ChatWeb.Components.Shared;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Search;
using ChatWeb.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace ChatWeb.Components.Search;

/// <summary>
/// Search in history from the thread list: results as the person types (after a short pause), newest
/// first, a page at a time; arrows choose a hit, Enter or a click opens the conversation at it, Esc
/// returns to the list. "Search in this conversation" (<see cref="SearchRequests"/>) narrows it to one thread.
/// </summary>
public sealed partial class ThreadSearch : IAsyncDisposable
{
    // Long enough that a word typed at speed asks once; short enough to feel live.
    private static readonly TimeSpan TypingPause = TimeSpan.FromMilliseconds(250);

    private const int SearchQueryMaxLength = MessageSearchService.MaxQueryLength;

    private ElementReference input;
    private IJSObjectReference? module;
    private IJSObjectReference? shortcuts;
    private CancellationTokenSource? pending;
    private CurrentUser? me;
    private string query = "";
    private SearchScope? scope;
    private SearchPage? page;
    private string? error;
    private bool loading;
    private int selected = -1;

    [Inject] public required MessageSearchService Search { get; init; }
    [Inject] public required ICurrentUserAccessor CurrentUser { get; init; }
    [Inject] public required SearchRequests Requests { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IJSRuntime JS { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [Inject] public required ILogger<ThreadSearch> Logger { get; init; }

    /// <summary>Told when the results start or stop taking the list's place.</summary>
    [Parameter] public EventCallback<bool> SearchingChanged { get; set; }

    [CascadingParameter] public LocalClock? Clock { get; set; }

    private LocalClock Now => Clock ?? LocalClock.Utc(Time);

    private bool IsSearching => query.Length > 0 || scope is not null;

    private string Placeholder => scope is null ? "Search messages" : "Search this conversation";

    protected override void OnInitialized() => Requests.Requested += OnScopeRequested;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }
        try
        {
            module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Search/ThreadSearch.razor.js");
            shortcuts = await module.InvokeAsync<IJSObjectReference>("attachShortcuts", input);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // Without the shortcuts the field still works with a click.
            Logger.LogDebug(ex, "Search shortcuts not attached.");
        }
    }

    private async Task OnInputAsync(ChangeEventArgs e)
    {
        var wasSearching = IsSearching;
        query = e.Value as string ?? "";
        await SearchSoonAsync(wasSearching);
    }

    private async Task SearchSoonAsync(bool wasSearching)
    {
        pending?.Cancel();
        var mine = pending = new CancellationTokenSource();
        error = null;
        if (wasSearching != IsSearching)
        {
            await SearchingChanged.InvokeAsync(IsSearching);
        }
        if (query.Trim().Length < 2)
        {
            page = null;
            loading = false;
            return;
        }
        loading = true;
        try
        {
            await Task.Delay(TypingPause, Time, mine.Token);
            await RunAsync(before: null, mine.Token);
        }
        catch (OperationCanceledException)
        {
            // A newer keystroke took over.
        }
    }

    private async Task RunAsync(string? before, CancellationToken ct)
    {
        me ??= await CurrentUser.GetAsync();
        loading = true;
        StateHasChanged();
        try
        {
            var found = await Search.SearchAsync(me.Id, query, scope?.ThreadId, before, ct);
            ct.ThrowIfCancellationRequested();
            page = before is null || page is null ? found : found with { Hits = [.. page.Hits, .. found.Hits] };
            selected = before is null ? (page.Hits.Count > 0 ? 0 : -1) : selected;
            error = null;
        }
        catch (ChatException ex)
        {
            error = ex.Message;
            page = null;
        }
        finally
        {
            loading = false;
        }
        StateHasChanged();
    }

    private Task LoadMoreAsync() => page?.Next is { } next ? RunAsync(next, pending?.Token ?? CancellationToken.None) : Task.CompletedTask;

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        switch (e.Key)
        {
            case "Escape":
                await ClearAsync();
                break;
            case "ArrowDown" or "ArrowUp" when page is { Hits.Count: > 0 } shown:
                selected = Math.Clamp(selected + (e.Key == "ArrowDown" ? 1 : -1), 0, shown.Hits.Count - 1);
                await CallAsync("reveal", $"search-hit-{shown.Hits[selected].Message.Id}");
                break;
            case "Enter" when page is { Hits.Count: > 0 } shown:
                await OpenAsync(shown.Hits[Math.Max(selected, 0)]);
                break;
        }
    }

    /// <summary>Opens the conversation at the hit; the results stay, so the next hit is one click away.</summary>
    private Task OpenAsync(SearchHit hit)
    {
        selected = page?.Hits.ToList().IndexOf(hit) ?? -1;
        Navigation.NavigateTo(SearchHitRow.HrefFor(hit));
        return Task.CompletedTask;
    }

    private async Task ClearAsync()
    {
        pending?.Cancel();
        var wasSearching = IsSearching;
        (query, scope, page, error, selected, loading) = ("", null, null, null, -1, false);
        if (wasSearching)
        {
            await SearchingChanged.InvokeAsync(false);
        }
        await CallAsync("clear", input);
    }

    private async Task ClearScopeAsync()
    {
        var wasSearching = IsSearching;
        scope = null;
        await SearchSoonAsync(wasSearching);
    }

    private void OnScopeRequested(SearchScope requested) => _ = InvokeAsync(async () =>
    {
        var wasSearching = IsSearching;
        scope = requested;
        StateHasChanged();
        await CallAsync("focus", input);
        await SearchSoonAsync(wasSearching);
        StateHasChanged();
    });

    private async Task CallAsync(string identifier, params object?[] args)
    {
        if (module is null)
        {
            return;
        }
        try
        {
            await module.InvokeVoidAsync(identifier, args);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            Logger.LogDebug(ex, "Search script call {Identifier} failed.", identifier);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Requests.Requested -= OnScopeRequested;
        pending?.Cancel();
        pending?.Dispose();
        try
        {
            if (shortcuts is not null)
            {
                await shortcuts.InvokeVoidAsync("dispose");
                await shortcuts.DisposeAsync();
            }
            if (module is not null)
            {
                await module.DisposeAsync();
            }
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException or ObjectDisposedException)
        {
        }
    }
}
