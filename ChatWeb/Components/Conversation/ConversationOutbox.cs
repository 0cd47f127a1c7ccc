using ChatWeb.Domain.Attachments;
using ChatWeb.Domain.Chat;

namespace ChatWeb.Components.Conversation;

/// <summary>
/// This device's sends in the open conversation: shown at once at the live end, sent with a client
/// message id that every retry reuses, kept and marked failed when sending fails.
/// </summary>
internal sealed class ConversationOutbox(ConversationFeed feed, ReadingPosition reading, Guid threadId, ILogger logger, CancellationToken ct)
{
    /// <summary>Shows the message at once, at the live end (loaded first if the reader is deep in history).</summary>
    public async Task<OutgoingMessage> QueueAsync(
        string body, IReadOnlyList<string>? mentions = null, IReadOnlyList<AttachmentView>? attachments = null, ReplyPreview? replyTo = null)
    {
        if (feed.Window.HasNewer)
        {
            await feed.LoadNewestAsync(ct);
        }
        reading.Sent();
        return feed.Queue(body, mentions, attachments, replyTo);
    }

    /// <summary>Sends a queued message; on failure it stays, marked failed. Returns what to tell the reader, or null.</summary>
    public async Task<string?> DeliverAsync(OutgoingMessage outgoing)
    {
        try
        {
            // The same client message id on every attempt: a retry after a lost reply returns the stored message.
            await feed.SendAsync(outgoing, () => reading.IsAtBottom, ct);
            return null;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return null;
        }
        catch (ChatException ex)
        {
            return ex.Message;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Sending to conversation {ThreadId} failed.", threadId);
            return "Your message was not sent. Check your connection and retry.";
        }
    }

    /// <summary>Sends a failed message again, by its client message id.</summary>
    public Task<string?> RetryAsync(string clientMessageId) =>
        feed.Outgoing.FirstOrDefault(o => o.ClientMessageId == clientMessageId) is { } failed
            ? DeliverAsync(failed)
            : Task.FromResult<string?>(null);
}
