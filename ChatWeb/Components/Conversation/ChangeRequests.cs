using ChatWeb.Domain.Chat;

namespace ChatWeb.Components.Conversation;

/// <summary>
/// The reader's own edits, deletes and reactions in the open conversation. The domain decides
/// whether each is allowed; its answer (the message as it now is) is applied like any other change,
/// so the event that follows it changes nothing. Each returns what to tell the reader, or null.
/// </summary>
internal sealed class ChangeRequests(
    MessageChangeService changes,
    Func<ChatMessage, Task> apply,
    string userId,
    Guid threadId,
    ILogger logger,
    CancellationToken ct)
{
    public Task<string?> EditAsync(Guid messageId, string body) =>
        RunAsync("Editing", () => changes.EditAsync(userId, threadId, messageId, body, ct));

    public Task<string?> DeleteAsync(Guid messageId) =>
        RunAsync("Deleting", () => changes.DeleteAsync(userId, threadId, messageId, ct));

    /// <summary><paramref name="on"/> adds the reader's <paramref name="emoji"/>; false takes it back.</summary>
    public Task<string?> ReactAsync(Guid messageId, string emoji, bool on) =>
        RunAsync("Reacting to", () => changes.ReactAsync(userId, threadId, messageId, emoji, on, ct));

    private async Task<string?> RunAsync(string what, Func<Task<ChatMessage>> change)
    {
        try
        {
            // Off the renderer's context, as sends are: a busy SQLite writer blocks its caller.
            var changed = await Task.Run(change, ct);
            await apply(changed);
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
            logger.LogError(ex, "{What} a message in conversation {ThreadId} failed.", what, threadId);
            return "That did not work. Check your connection and try again.";
        }
    }
}
