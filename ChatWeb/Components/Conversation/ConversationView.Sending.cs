using ChatWeb.Domain.Chat;
using MudBlazor;

namespace ChatWeb.Components.Conversation;

/// <summary>Sending (optimistic, idempotent retries) and read marks of the open conversation.</summary>
public sealed partial class ConversationView
{
    private bool isAtBottom = true;
    private bool isVisible = true;
    private int newWhileAway;
    private long markedReadSeq;
    private bool markingRead;

    /// <summary>The reader can see the newest messages right now.</summary>
    private bool IsViewingLatest => isAtBottom && isVisible && feed is { Window.HasNewer: false };

    /// <summary>When the window overflows, the reader at the bottom keeps the newest rows, one reading history keeps theirs.</summary>
    private bool KeepNewest() => isAtBottom;

    private async Task SendAsync(string body)
    {
        if (feed is null)
        {
            return;
        }
        if (feed.Window.HasNewer)
        {
            // Deep in history: a sent message belongs at the live end, so that is where the reader goes.
            await feed.LoadNewestAsync(Ct);
        }
        var outgoing = feed.Queue(body);
        isAtBottom = true;
        messageList?.ScrollToBottomAfterRender();
        StateHasChanged();
        await DeliverAsync(outgoing);
    }

    private async Task RetryAsync(string clientMessageId)
    {
        if (feed?.Outgoing.FirstOrDefault(o => o.ClientMessageId == clientMessageId) is { } failed)
        {
            await DeliverAsync(failed);
        }
    }

    private async Task DeliverAsync(OutgoingMessage outgoing)
    {
        try
        {
            // The same client message id on every attempt: a retry after a lost reply returns the stored message.
            await feed!.SendAsync(outgoing, KeepNewest, Ct);
        }
        catch (OperationCanceledException) when (disposed.IsCancellationRequested)
        {
        }
        catch (ChatException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "Sending to conversation {ThreadId} failed.", ThreadId);
            Snackbar.Add("Your message was not sent. Check your connection and retry.", Severity.Error);
        }
    }

    private async Task OnAtBottomChangedAsync(bool atBottom)
    {
        isAtBottom = atBottom;
        if (IsViewingLatest)
        {
            newWhileAway = 0;
            await MarkReadAsync();
        }
    }

    private async Task OnVisibilityChangedAsync(bool visible)
    {
        isVisible = visible;
        await MarkReadAsync();
    }

    /// <summary>
    /// Moves the read mark to the newest held message while the reader is looking at it (or, with
    /// <paramref name="force"/>, on opening). One call at a time; a later seq wins the next round.
    /// </summary>
    private async Task MarkReadAsync(bool force = false)
    {
        if (feed is null || me is null || markingRead || !(force || IsViewingLatest))
        {
            return;
        }
        markingRead = true;
        try
        {
            while (feed.Window.LastSeq > markedReadSeq && (force || IsViewingLatest))
            {
                var seq = feed.Window.LastSeq;
                summary = await ThreadSettings.MarkReadAsync(me.Id, ThreadId, seq, Ct);
                markedReadSeq = seq;
                force = false;
            }
        }
        catch (ChatException ex) when (ex.Kind == ChatErrorKind.NotFound)
        {
            ShowRemoved();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A read mark is re-sent with the next one; not worth interrupting the reader for.
            Logger.LogWarning(ex, "Marking conversation {ThreadId} read failed.", ThreadId);
        }
        finally
        {
            markingRead = false;
        }
    }
}
