using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Contacts;
using ChatWeb.Realtime;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChatWeb.Components.Threads;

/// <summary>Closes with the opened or created <see cref="ThreadSummary"/>; the caller shows and navigates to it.</summary>
public sealed partial class NewChatDialog
{
    private readonly List<DirectoryEntry> selected = [];
    private string? groupTitle;
    private string? error;
    private bool busy;

    [Inject] public required ConversationService Conversations { get; init; }
    [Inject] public required ICurrentUserAccessor CurrentUser { get; init; }

    [CascadingParameter] public IMudDialogInstance Dialog { get; set; } = null!;

    private string Hint => selected.Count switch
    {
        0 => "Pick one person to chat with, or several for a group.",
        1 => "Pick more people to make a group.",
        _ => $"{selected.Count} people picked: name the group.",
    };

    private bool IsSelected(DirectoryEntry person) =>
        selected.Exists(p => string.Equals(p.UserName, person.UserName, StringComparison.OrdinalIgnoreCase));

    private void Toggle(DirectoryEntry person)
    {
        if (selected.RemoveAll(p => string.Equals(p.UserName, person.UserName, StringComparison.OrdinalIgnoreCase)) == 0)
        {
            selected.Add(person);
        }
        error = null;
    }

    private Task StartChatAsync() =>
        RunAsync(me => Conversations.OpenDirectAsync(me.Id, selected[0].UserName));

    private Task CreateGroupAsync() =>
        RunAsync(me => Conversations.CreateGroupAsync(me.Id, groupTitle, selected.ConvertAll(p => p.UserName)));

    /// <summary>A refusal (no title, someone who left meanwhile...) stays in the dialog, worded by the domain.</summary>
    private async Task RunAsync(Func<CurrentUser, Task<ThreadSummary>> action)
    {
        busy = true;
        error = null;
        try
        {
            var thread = await action(await CurrentUser.GetAsync());
            Dialog.Close(DialogResult.Ok(thread));
        }
        catch (ChatException ex)
        {
            error = ex.Message;
        }
        finally
        {
            busy = false;
        }
    }

    private void Cancel() => Dialog.Cancel();
}
