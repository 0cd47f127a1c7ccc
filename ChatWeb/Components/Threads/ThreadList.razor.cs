using ChatWeb.Components.Shared;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Presence;
using ChatWeb.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;

namespace ChatWeb.Components.Threads;

public sealed partial class ThreadList : IDisposable
{
    private LiveViewEvents? live;
    private ThreadListModel? model;
    // While a load runs, the events that arrive meanwhile, to replay onto its result.
    private List<Action<ThreadListModel>>? arrivedDuringLoad;
    private readonly HashSet<Guid> unlisted = [];
    private CurrentUser? me;
    private int activeTab;
    // Search results take the list's place while the search field holds a search.
    private bool hiddenBySearch;

    [Inject] public required ConversationService Conversations { get; init; }
    [Inject] public required PresenceService Presence { get; init; }
    [Inject] public required ICurrentUserAccessor CurrentUser { get; init; }
    [Inject] public required IChatEvents Events { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [Inject] public required ILogger<ThreadList> Logger { get; init; }

    [Parameter] public Guid? SelectedThreadId { get; set; }

    [CascadingParameter] public LocalClock? Clock { get; set; }

    private LocalClock Now => Clock ?? LocalClock.Utc(Time);

    /// <summary>The Chats tab's count, like the list's badges; null hides it.</summary>
    private string? UnreadTotal => (model?.UnreadTotal ?? 0) switch
    {
        <= 0 => null,
        > 99 => "99+",
        var total => total.ToString(System.Globalization.CultureInfo.CurrentCulture),
    };

    protected override async Task OnInitializedAsync()
    {
        // Prerendering has no circuit to push events to; the interactive render loads for real.
        if (!RendererInfo.IsInteractive)
        {
            return;
        }
        me = await CurrentUser.GetAsync();
        live = new LiveViewEvents(Events, InvokeAsync, Snackbar, Logger)
            .On<ThreadSummary>(OnThreadUpdatedAsync)
            .On<ChatMessage>(OnMessageReceivedAsync)
            .On<MessageChangedNotice>(n =>
            {
                Apply(m => m.Change(n.Message));
                StateHasChanged();
            })
            .On<ThreadRemovedNotice>(OnThreadRemoved)
            .On<PresenceView>(OnPresenceChanged);
        // After a reconnect the server's list is the truth: events may have been missed meanwhile.
        await live.StartAsync(LoadAsync);
    }

    private CancellationToken Ct => live?.Token ?? CancellationToken.None;

    private async Task LoadAsync()
    {
        var arrived = arrivedDuringLoad = [];
        try
        {
            var loaded = await Conversations.GetThreadsAsync(me!.Id, Ct);
            var fresh = new ThreadListModel(me.UserName);
            fresh.Reset(loaded);
            // An event may be newer than what the query read, or older: the model keeps the newer.
            arrived.ForEach(apply => apply(fresh));
            model = fresh;
            await LoadPresenceAsync();
            await FetchUnlistedAsync();
        }
        catch (ChatException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            if (arrivedDuringLoad == arrived)
            {
                arrivedDuringLoad = null;
            }
        }
        StateHasChanged();
    }

    /// <summary>Applies a change to the list shown, and to the one being loaded if a load is running.</summary>
    private void Apply(Action<ThreadListModel> change)
    {
        arrivedDuringLoad?.Add(change);
        if (model is not null)
        {
            change(model);
        }
    }

    private async Task LoadPresenceAsync()
    {
        if (model?.PartnersWithUnknownPresence() is not { Count: > 0 } unknown)
        {
            return;
        }
        model.SetPresence(await Presence.GetAsync(unknown, Ct));
    }

    private async Task OnThreadUpdatedAsync(ThreadSummary thread)
    {
        Apply(m => m.Upsert(thread));
        StateHasChanged();
        await LoadPresenceAsync();
        StateHasChanged();
    }

    private async Task OnMessageReceivedAsync(ChatMessage message)
    {
        Apply(m =>
        {
            if (!m.Advance(message))
            {
                unlisted.Add(message.ThreadId);
            }
        });
        StateHasChanged();
        await FetchUnlistedAsync();
    }

    /// <summary>
    /// Threads a message arrived for before the list had them: their own ThreadUpdated may still be
    /// on its way, or a load read the list just before they were added. Asked for once the list is there.
    /// </summary>
    private async Task FetchUnlistedAsync()
    {
        if (model is null || unlisted.Count == 0)
        {
            return; // a load is running: it fetches them when it is done
        }
        var ids = unlisted.ToList();
        unlisted.Clear();
        foreach (var id in ids)
        {
            try
            {
                await OnThreadUpdatedAsync(await Conversations.GetThreadAsync(me!.Id, id, Ct));
            }
            catch (ChatException ex) when (ex.Kind == ChatErrorKind.NotFound)
            {
                // Removed from it meanwhile: its ThreadRemoved event says so.
            }
        }
    }

    private void OnThreadRemoved(ThreadRemovedNotice notice)
    {
        Apply(m => m.Remove(notice.ThreadId));
        if (notice.ThreadId == SelectedThreadId)
        {
            Snackbar.Add("You are no longer in that conversation.", Severity.Info);
            Navigation.NavigateTo("");
        }
        StateHasChanged();
    }

    private void OnPresenceChanged(PresenceView view)
    {
        Apply(m => m.SetPresence(view));
        StateHasChanged();
    }

    private async Task OpenNewChatAsync()
    {
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true };
        var dialog = await Dialogs.ShowAsync<NewChatDialog>("New conversation", options);
        if (await dialog.Result is { Canceled: false, Data: ThreadSummary thread })
        {
            await OpenThread(thread);
        }
    }

    /// <summary>Shows a thread at once (its ThreadUpdated event may still be on its way) and opens it.</summary>
    private async Task OpenThread(ThreadSummary thread)
    {
        activeTab = 0;
        Apply(m => m.Upsert(thread));
        Navigation.NavigateTo($"chat/{thread.Id}");
        await LoadPresenceAsync();
    }

    public void Dispose() => live?.Dispose();
}
