using ChatWeb.Domain.Chat;
using ChatWeb.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace ChatWeb.Components.Conversation;

/// <summary>
/// The conversation's details: mute, nickname, group name, members, leave. The services refuse what
/// the reader may not do; the panel only hides what would be refused anyway.
/// </summary>
public sealed partial class ThreadSettingsPanel
{
    private string? nicknameDraft;
    private string? titleDraft;
    private bool wasOpen;

    [Inject] public required ThreadSettingsService ThreadSettings { get; init; }

    [Inject] public required GroupService Groups { get; init; }

    [Inject] public required ISnackbar Snackbar { get; init; }

    [Inject] public required IDialogService Dialogs { get; init; }

    [Parameter] public bool Open { get; set; }

    [Parameter] public EventCallback<bool> OpenChanged { get; set; }

    [Parameter, EditorRequired] public ThreadSummary Summary { get; set; } = default!;

    [Parameter, EditorRequired] public CurrentUser Me { get; set; } = default!;

    /// <summary>A change saved here: the parent shows it without waiting for the live event.</summary>
    [Parameter] public EventCallback<ThreadSummary> SummaryChanged { get; set; }

    /// <summary>The reader left the group (the conversation says so and goes home).</summary>
    [Parameter] public EventCallback OnLeft { get; set; }

    protected override void OnParametersSet()
    {
        // Drafts start from the saved values each time the panel opens, not on every live update.
        if (Open && !wasOpen)
        {
            nicknameDraft = Summary.Nickname;
            titleDraft = Summary.Title;
        }
        wasOpen = Open;
    }

    private Task CloseAsync() => OpenChanged.InvokeAsync(false);

    private Task SetMutedAsync(bool muted) =>
        SaveAsync(() => ThreadSettings.SetMutedAsync(Me.Id, Summary.Id, muted), muted ? "Muted." : "Unmuted.");

    private Task SaveNicknameAsync() =>
        SaveAsync(() => ThreadSettings.SetNicknameAsync(Me.Id, Summary.Id, nicknameDraft),
            string.IsNullOrWhiteSpace(nicknameDraft) ? "Nickname cleared." : "Nickname saved.");

    private async Task ClearNicknameAsync()
    {
        nicknameDraft = null;
        await SaveAsync(() => ThreadSettings.SetNicknameAsync(Me.Id, Summary.Id, null), "Nickname cleared.");
    }

    private Task RenameAsync() =>
        SaveAsync(() => Groups.RenameAsync(Me.Id, Summary.Id, titleDraft), "Group renamed.");

    private async Task OnNicknameKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await SaveNicknameAsync();
        }
    }

    private async Task OnTitleKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await RenameAsync();
        }
    }

    private async Task LeaveAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Leave group?",
            $"You will stop receiving messages from {Summary.DisplayTitle} and lose its history until someone adds you again.",
            yesText: "Leave", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }
        try
        {
            await Groups.LeaveAsync(Me.Id, Summary.Id);
        }
        catch (ChatException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
            return;
        }
        await OnLeft.InvokeAsync();
    }

    private async Task SaveAsync(Func<Task<ThreadSummary>> save, string done)
    {
        try
        {
            var changed = await save();
            await SummaryChanged.InvokeAsync(changed);
            Snackbar.Add(done, Severity.Success);
        }
        catch (ChatException ex)
        {
            // The domain's messages are written for the person who asked.
            Snackbar.Add(ex.Message, Severity.Error);
        }
    }
}
