using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Contacts;
using ChatWeb.Realtime;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChatWeb.Components.Conversation;

/// <summary>
/// Who is in the conversation; for a group's owner and admins, adding from the directory and removing.
/// What the reader may do comes with the thread (<see cref="ThreadSummary.CanManage"/>, <see cref="ThreadMemberView.CanRemove"/>).
/// </summary>
public sealed partial class MemberListSection
{
    private MudAutocomplete<DirectoryEntry>? picker;

    [Inject] public required DirectoryService Directory { get; init; }

    [Inject] public required GroupService Groups { get; init; }

    [Inject] public required ConversationService Conversations { get; init; }

    [Inject] public required ISnackbar Snackbar { get; init; }

    [Inject] public required IDialogService Dialogs { get; init; }

    [Parameter, EditorRequired] public ThreadSummary Summary { get; set; } = default!;

    [Parameter, EditorRequired] public CurrentUser Me { get; set; } = default!;

    [Parameter] public EventCallback<ThreadSummary> SummaryChanged { get; set; }

    private bool IsMe(ThreadMemberView member) => string.Equals(member.UserName, Me.UserName, StringComparison.OrdinalIgnoreCase);

    private async Task<IEnumerable<DirectoryEntry>> SearchAsync(string? text, CancellationToken ct)
    {
        var page = await Directory.SearchAsync(Me.Id, text, 0, ct);
        var members = Summary.Members.Select(m => m.UserName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return page.People.Where(p => !members.Contains(p.UserName));
    }

    private async Task AddAsync(DirectoryEntry? person)
    {
        if (person is null)
        {
            return;
        }
        try
        {
            var changed = await Groups.AddMembersAsync(Me.Id, Summary.Id, [person.UserName]);
            await SummaryChanged.InvokeAsync(changed);
            Snackbar.Add($"{person.DisplayName} added.", Severity.Success);
        }
        catch (ChatException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        if (picker is not null)
        {
            await picker.ClearAsync();
        }
    }

    private async Task RemoveAsync(ThreadMemberView member)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Remove from group?", $"{member.DisplayName} will no longer see this group or its history.",
            yesText: "Remove", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }
        try
        {
            await Groups.RemoveMemberAsync(Me.Id, Summary.Id, member.UserName);
            await SummaryChanged.InvokeAsync(await Conversations.GetThreadAsync(Me.Id, Summary.Id));
            Snackbar.Add($"{member.DisplayName} removed.", Severity.Success);
        }
        catch (ChatException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
    }

    private static string Initial(string name) => name.Length > 0 ? char.ToUpperInvariant(name[0]).ToString() : "?";
}
