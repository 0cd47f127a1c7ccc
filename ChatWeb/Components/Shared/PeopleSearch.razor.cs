using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Contacts;
using ChatWeb.Realtime;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChatWeb.Components.Shared;

public sealed partial class PeopleSearch : IDisposable
{
    private readonly List<DirectoryEntry> people = [];
    private readonly HashSet<string> shown = new(StringComparer.OrdinalIgnoreCase);
    private CancellationTokenSource? search;
    private CurrentUser? me;
    private string query = "";
    private int page;
    private bool hasMore;
    private bool loading;

    [Inject] public required DirectoryService Directory { get; init; }
    [Inject] public required ICurrentUserAccessor CurrentUser { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }

    [Parameter] public EventCallback<DirectoryEntry> OnPick { get; set; }

    /// <summary>When set, rows are toggles (aria-pressed) and a tick marks the picked ones.</summary>
    [Parameter] public Func<DirectoryEntry, bool>? IsSelected { get; set; }

    [Parameter] public Func<DirectoryEntry, bool>? IsDisabled { get; set; }

    /// <summary>Extra content at the end of each row, e.g. "In contacts".</summary>
    [Parameter] public RenderFragment<DirectoryEntry>? Trailing { get; set; }

    [Parameter] public int DebounceMilliseconds { get; set; } = 300;

    private async Task OnQueryChangedAsync(string? value)
    {
        query = value ?? "";
        await SearchAsync(pageToLoad: 0);
    }

    private Task LoadMoreAsync() => SearchAsync(page + 1);

    private async Task SearchAsync(int pageToLoad)
    {
        search?.Cancel();
        search?.Dispose();
        var current = search = new CancellationTokenSource();
        if (pageToLoad == 0)
        {
            people.Clear();
            shown.Clear();
            hasMore = false;
        }
        if (query.Trim().Length < DirectoryService.MinQueryLength)
        {
            loading = false;
            return;
        }

        loading = true;
        try
        {
            me ??= await CurrentUser.GetAsync();
            var result = await Directory.SearchAsync(me.Id, query, pageToLoad, current.Token);
            if (current != search)
            {
                return; // a newer query started while this one ran; its answer is the one to show
            }
            // Skip oneself (nothing to do with that row) and anyone a shifted page repeats.
            people.AddRange(result.People.Where(p => !string.Equals(p.UserName, me.UserName, StringComparison.OrdinalIgnoreCase) && shown.Add(p.UserName)));
            page = result.Page;
            hasMore = result.HasMore;
        }
        catch (OperationCanceledException) when (current.IsCancellationRequested)
        {
            // Replaced by a newer query.
        }
        catch (ChatException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            if (current == search)
            {
                loading = false;
            }
        }
    }

    public void Dispose()
    {
        search?.Cancel();
        search?.Dispose();
    }
}
