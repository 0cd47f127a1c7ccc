using ChatWeb.Components.Shared;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Contacts;
using ChatWeb.Domain.Presence;
using ChatWeb.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;

namespace ChatWeb.Components.Contacts;

public sealed partial class ContactsPanel : IDisposable
{
    private LiveViewEvents? live;
    private ContactListModel? model;
    private CurrentUser? me;
    private bool opening;

    [Inject] public required ContactService Contacts { get; init; }
    [Inject] public required ConversationService Conversations { get; init; }
    [Inject] public required ICurrentUserAccessor CurrentUser { get; init; }
    [Inject] public required IChatEvents Events { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [Inject] public required ILogger<ContactsPanel> Logger { get; init; }

    /// <summary>Raised with the direct thread a click opened; without a handler the panel navigates itself.</summary>
    [Parameter] public EventCallback<ThreadSummary> ThreadOpened { get; set; }

    [CascadingParameter] public LocalClock? Clock { get; set; }

    private LocalClock Now => Clock ?? LocalClock.Utc(Time);

    private string CountText => model?.Contacts is { } list
        ? $"{list.Count(c => c.IsOnline)} of {list.Count} online"
        : "";

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return; // prerendering: the interactive render loads and subscribes
        }
        me = await CurrentUser.GetAsync();
        live = new LiveViewEvents(Events, InvokeAsync, Snackbar, Logger).On<PresenceView>(OnPresenceChanged);
        // Another device of this person changed the list: load it again, as after a reconnect.
        live.On<ContactsChangedNotice>(_ => live.ReloadAsync());
        await live.StartAsync(LoadAsync);
    }

    private CancellationToken Ct => live?.Token ?? CancellationToken.None;

    private async Task LoadAsync()
    {
        try
        {
            var fresh = new ContactListModel();
            fresh.Reset(await Contacts.ListAsync(me!.Id, Ct));
            model = fresh;
        }
        catch (ChatException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        StateHasChanged();
    }

    private void OnPresenceChanged(PresenceView view)
    {
        if (model?.ApplyPresence(view) == true)
        {
            StateHasChanged();
        }
    }

    private async Task OpenChatAsync(ContactView contact)
    {
        opening = true;
        try
        {
            var thread = await Conversations.OpenDirectAsync(me!.Id, contact.UserName, Ct);
            if (ThreadOpened.HasDelegate)
            {
                await ThreadOpened.InvokeAsync(thread);
            }
            else
            {
                Navigation.NavigateTo($"chat/{thread.Id}");
            }
        }
        catch (ChatException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            opening = false;
        }
    }

    private async Task RemoveAsync(ContactView contact)
    {
        try
        {
            await Contacts.RemoveAsync(me!.Id, contact.UserName, Ct);
            model?.Remove(contact.UserName);
            Snackbar.Add($"{contact.DisplayName} was removed from your contacts.", Severity.Normal);
        }
        catch (ChatException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
    }

    private async Task OpenAddContactAsync()
    {
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true };
        var dialog = await Dialogs.ShowAsync<AddContactDialog>("Add contacts", options);
        // Shown at once; the ContactsChanged event that follows reloads the same list.
        if (await dialog.Result is { Canceled: false, Data: IReadOnlyList<ContactView> added } && model is not null)
        {
            foreach (var contact in added)
            {
                model.Upsert(contact);
            }
        }
    }

    public void Dispose() => live?.Dispose();
}
