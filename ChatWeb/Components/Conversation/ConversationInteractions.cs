using ChatWeb.Domain.Chat;
using ChatWeb.Realtime;
using MudBlazor;

namespace ChatWeb.Components.Conversation;

/// <summary>
/// What the reader does to messages in the open conversation, and the little state it needs: the
/// message being answered (quoted above the composer) and the one being edited in place. Changes go
/// through <see cref="ChangeRequests"/>; the view renders after each (<paramref name="render"/>).
/// </summary>
internal sealed class ConversationInteractions(
    ConversationState state,
    ChangeRequests requests,
    IDialogService dialogs,
    ISnackbar snackbar,
    Func<Task> render,
    Func<long, Task> reveal,
    Func<Task> focusComposer,
    CurrentUser me,
    ILogger logger,
    CancellationToken ct)
{
    private readonly List<string> picked = [];

    public ReplyPreview? ReplyingTo { get; private set; }

    public Guid? EditingId { get; private set; }

    public MessageInteractions ForRows() => new()
    {
        MyUserName = me.UserName,
        Reply = ReplyAsync,
        React = ReactAsync,
        StartEdit = StartEditAsync,
        SaveEdit = SaveEditAsync,
        CancelEdit = CancelEditAsync,
        Delete = DeleteAsync,
        ShowOriginal = ShowOriginalAsync,
        RecentEmoji = () => RecentEmoji.Of(picked, state.Feed.Window.Messages, me.UserName),
        DisplayNameOf = DisplayNameOf,
    };

    /// <summary>The quote to send with the next message; answering ends with it.</summary>
    public ReplyPreview? TakeReply()
    {
        var reply = ReplyingTo;
        ReplyingTo = null;
        return reply;
    }

    public Task CancelReplyAsync()
    {
        ReplyingTo = null;
        return render();
    }

    /// <summary>Up arrow in an empty composer: the reader's newest message still standing is edited.</summary>
    public Task EditLastAsync() =>
        MessageLifeBuilder.LastEditable(state.Feed.Window, me.UserName) is { } last ? StartEditAsync(last) : Task.CompletedTask;

    private async Task ReplyAsync(ChatMessage message)
    {
        ReplyingTo = ReplyPreview.Of(message);
        EditingId = null;
        await render();
        await focusComposer();
    }

    private async Task ReactAsync(ChatMessage message, string emoji, bool on)
    {
        if (on)
        {
            picked.Remove(emoji);
            picked.Insert(0, emoji);
        }
        Tell(await requests.ReactAsync(message.Id, emoji, on));
        await render();
    }

    private Task StartEditAsync(ChatMessage message)
    {
        EditingId = message.Id;
        return render();
    }

    private async Task SaveEditAsync(ChatMessage message, string body)
    {
        if (body != message.Body && Tell(await requests.EditAsync(message.Id, body)))
        {
            // Kept open on a refusal, so the text is not lost.
            await render();
            return;
        }
        await CancelEditAsync();
    }

    /// <summary>Editing ends (saved or not): the reader is back in the composer, as in Slack.</summary>
    private async Task CancelEditAsync()
    {
        EditingId = null;
        await render();
        await focusComposer();
    }

    private async Task DeleteAsync(ChatMessage message)
    {
        var confirmed = await dialogs.ShowMessageBoxAsync(
            "Delete this message?", "It will be deleted for everyone in this conversation.", yesText: "Delete", cancelText: "Cancel");
        if (confirmed == true)
        {
            Tell(await requests.DeleteAsync(message.Id));
            await render();
        }
    }

    /// <summary>
    /// A quote was clicked: its original is scrolled to and highlighted, loaded first (the page around
    /// it, as a search hit opens) when the window does not hold it.
    /// </summary>
    private async Task ShowOriginalAsync(long seq)
    {
        try
        {
            if (!await state.Feed.HoldAsync(seq, ct))
            {
                NotShown(seq, "not in the thread's history");
                return;
            }
        }
        catch (ChatException ex)
        {
            // No longer a member, or the conversation is gone: nothing to show, and nothing went wrong.
            NotShown(seq, ex.Message);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Loading the messages around {Seq} failed.", seq);
            snackbar.Add("Could not load that message. Try again.", Severity.Warning);
            return;
        }
        await reveal(seq);
    }

    private void NotShown(long seq, string reason)
    {
        logger.LogInformation("The original of a quote (message {Seq}) cannot be shown: {Reason}", seq, reason);
        snackbar.Add("That message can't be shown here.", Severity.Info);
    }

    private string DisplayNameOf(string userName) =>
        state.Summary?.Members.FirstOrDefault(m => string.Equals(m.UserName, userName, StringComparison.OrdinalIgnoreCase))?.DisplayName
        ?? userName;

    /// <summary>Shows an error, if any; true when there was one.</summary>
    private bool Tell(string? error)
    {
        if (error is not null)
        {
            snackbar.Add(error, Severity.Error);
        }
        return error is not null;
    }
}
