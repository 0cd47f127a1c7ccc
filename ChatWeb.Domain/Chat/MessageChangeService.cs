using ChatWeb.Domain.Attachments;
using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// Edits, deletes and reactions: each takes the thread's next version in the transaction that
/// makes it (<see cref="MessageChange"/>), and after commit every member's devices get the message
/// as it now is. A stranger is told the conversation was not found, as everywhere. Repeating a change
/// already made (the same text, a reaction already there or already gone, a second delete) changes
/// nothing, takes no version and returns the message: a client may safely retry. Every change
/// spends from the same send allowance as a new message (<see cref="SendQuota"/>), before anything is read.
/// </summary>
public sealed class MessageChangeService(
    IDbContextFactory<ChatDbContext> dbFactory, IChatNotifier notifier, TimeProvider clock, SendQuota quota, AttachmentService attachments)
{
    /// <summary>Replaces the text; only its sender may, under the rules a new message's text follows.</summary>
    public async Task<ChatMessage> EditAsync(string userId, Guid threadId, Guid messageId, string? body, CancellationToken ct = default)
    {
        var validBody = ChatInput.Body(body);
        quota.Take(userId);
        await using var change = await MessageChange.BeginAsync(dbFactory, userId, threadId, messageId, ct);
        var message = change.Message;
        if (!change.BySender)
        {
            throw ChatException.Forbidden("Only its sender can edit a message.");
        }
        RequireNotDeleted(message, "it can no longer be edited");
        if (message.Body == validBody)
        {
            return await change.UnchangedAsync(ct);
        }
        message.Body = validBody;
        message.EditedAt = Now;
        return await AnnounceAsync(await change.CommitAsync(textChanged: true, ct), threadId, ct);
    }

    /// <summary>
    /// Erases the text from storage (not merely hides it) and the message's reactions; the message
    /// keeps its seq and says who deleted it when. Its sender may, or a group's owner or admin.
    /// </summary>
    public async Task<ChatMessage> DeleteAsync(string userId, Guid threadId, Guid messageId, CancellationToken ct = default)
    {
        quota.Take(userId);
        await using var change = await MessageChange.BeginAsync(dbFactory, userId, threadId, messageId, ct);
        var message = change.Message;
        if (!MessagePermissions.CanDelete(change.BySender, change.Kind, change.Role))
        {
            throw ChatException.Forbidden("Only its sender, or the group's owner or an admin, can delete a message.");
        }
        if (message.DeletedAt is not null)
        {
            return await change.UnchangedAsync(ct);
        }
        await change.Db.EraseFreedSpaceAsync(ct);
        message.Body = "";
        message.DeletedAt = Now;
        message.DeletedById = userId;
        await change.Db.Reactions.Where(r => r.ThreadId == threadId && r.MessageId == messageId).ExecuteDeleteAsync(ct);
        // Its files go with it: the rows in this transaction, the bytes once it has committed.
        var files = await AttachmentClaims.DetachForDeleteAsync(change.Db, message, ct);
        var committed = await change.CommitAsync(textChanged: true, ct);
        await attachments.RemoveBytesAsync(files);
        return await AnnounceAsync(committed, threadId, ct);
    }

    /// <summary>
    /// Adds (<paramref name="on"/>) or takes back the caller's <paramref name="emoji"/> on the message.
    /// A message carries at most <see cref="Reaction.MaxDistinctPerMessage"/> different emoji.
    /// </summary>
    public async Task<ChatMessage> ReactAsync(string userId, Guid threadId, Guid messageId, string? emoji, bool on, CancellationToken ct = default)
    {
        var validEmoji = ChatInput.Emoji(emoji);
        quota.Take(userId);
        await using var change = await MessageChange.BeginAsync(dbFactory, userId, threadId, messageId, ct);
        RequireNotDeleted(change.Message, "it takes no reactions");
        var reactions = change.Db.Reactions.Where(r => r.ThreadId == threadId && r.MessageId == messageId);
        var mine = reactions.Where(r => r.Emoji == validEmoji && r.UserId == userId);
        if (on)
        {
            if (await mine.AnyAsync(ct))
            {
                return await change.UnchangedAsync(ct);
            }
            var given = await reactions.Select(r => r.Emoji).Distinct().ToListAsync(ct);
            if (given.Count >= Reaction.MaxDistinctPerMessage && !given.Contains(validEmoji, StringComparer.Ordinal))
            {
                throw ChatException.Invalid($"A message can have at most {Reaction.MaxDistinctPerMessage} different reactions.");
            }
            change.Db.Reactions.Add(new Reaction { ThreadId = threadId, MessageId = messageId, Emoji = validEmoji, UserId = userId, ReactedAt = Now });
        }
        else if (await mine.ExecuteDeleteAsync(ct) == 0)
        {
            return await change.UnchangedAsync(ct);
        }
        return await AnnounceAsync(await change.CommitAsync(textChanged: false, ct), threadId, ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static void RequireNotDeleted(Message message, string consequence)
    {
        if (message.DeletedAt is not null)
        {
            throw ChatException.Invalid($"This message was deleted; {consequence}.");
        }
    }

    /// <summary>
    /// Every member's devices get the message as it now is. When its text was the thread's preview,
    /// the devices that do not derive the thread from the message (<see cref="ThreadSummary.WithChange"/>)
    /// also get the thread, as each member sees it.
    /// </summary>
    private async Task<ChatMessage> AnnounceAsync(CommittedChange committed, Guid threadId, CancellationToken ct)
    {
        await notifier.MessageChangedAsync(committed.Message, committed.MemberIds, ct);
        if (committed.PreviewMoved)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var thread = await Membership.SnapshotAsync(db, threadId, ct);
            await notifier.ThreadAdvancedAsync(thread.ViewsForAll(), ct);
        }
        return committed.Message;
    }
}
