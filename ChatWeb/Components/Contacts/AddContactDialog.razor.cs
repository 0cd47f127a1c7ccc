using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Contacts;
using ChatWeb.Realtime;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChatWeb.Components.Contacts;

/// <summary>Closes with the <see cref="ContactView"/>s added, so the list shows them without waiting for an event.</summary>
public sealed partial class AddContactDialog
{
    private readonly List<ContactView> added = [];
    private readonly HashSet<string> pending = new(StringComparer.OrdinalIgnoreCase);

    [Inject] public required ContactService Contacts { get; init; }
    [Inject] public required ICurrentUserAccessor CurrentUser { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }

    [CascadingParameter] public IMudDialogInstance Dialog { get; set; } = null!;

    private bool IsContact(DirectoryEntry person) =>
        person.IsContact || pending.Contains(person.UserName)
        || added.Exists(c => string.Equals(c.UserName, person.UserName, StringComparison.OrdinalIgnoreCase));

    private async Task AddAsync(DirectoryEntry person)
    {
        // A double click must not add twice (the second would only earn an "already a contact" error).
        if (IsContact(person))
        {
            return;
        }
        pending.Add(person.UserName);
        try
        {
            var me = await CurrentUser.GetAsync();
            added.Add(await Contacts.AddAsync(me.Id, person.UserName));
            Snackbar.Add($"{person.DisplayName} was added to your contacts.", Severity.Success);
        }
        catch (ChatException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            pending.Remove(person.UserName);
        }
    }

    private void Done() => Dialog.Close(DialogResult.Ok<IReadOnlyList<ContactView>>(added));
}
