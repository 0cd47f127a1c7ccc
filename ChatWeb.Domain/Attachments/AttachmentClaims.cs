using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Attachments;

/// <summary>
/// Gives uploaded files to a message before it is sent: each must have been uploaded by the sender
/// to the same thread and not be another message's. The claim is keyed by the message's client
/// message id, so the send that follows (and any retry of it) finds its files; a claim whose message
/// never came (the send failed and was given up) may be taken by another message after
/// <see cref="StaleClaimAfter"/>. Two claims racing for a file: one wins, the other is refused.
/// </summary>
public sealed class AttachmentClaims(IDbContextFactory<ChatDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan StaleClaimAfter = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The files, in the order given, now the message's. When the sender already stored a message
    /// under <paramref name="clientMessageId"/> (a retry), nothing changes and the stored message's
    /// files are what counts.
    /// </summary>
    internal async Task<IReadOnlyList<AttachmentView>> ClaimAsync(
        string userId, Guid threadId, string clientMessageId, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Messages.AnyAsync(m => m.SenderId == userId && m.ClientMessageId == clientMessageId, ct))
        {
            return [];
        }
        var rows = await db.Attachments.Where(a => ids.Contains(a.Id) || (a.UploaderId == userId && a.ClientMessageId == clientMessageId)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = new List<Attachment>(ids.Count);
        foreach (var id in ids)
        {
            var row = rows.Find(a => a.Id == id);
            // Someone else's file, or one of another thread, is "not found": its existence is not theirs to learn.
            if (row is null || row.UploaderId != userId || row.ThreadId != threadId)
            {
                throw ChatException.AttachmentNotFound();
            }
            if (row.ClientMessageId is { } other && other != clientMessageId && !await IsStaleAsync(db, row, now, ct))
            {
                throw ChatException.Invalid($"The file '{row.FileName}' is already in another message; upload it again to send it again.");
            }
            row.ClientMessageId = clientMessageId;
            row.AttachedAt = now;
            row.Position = claimed.Count;
            claimed.Add(row);
        }
        // An earlier attempt of this message that named other files gives them back.
        foreach (var released in rows.Where(a => a.ClientMessageId == clientMessageId && !ids.Contains(a.Id) && a.UploaderId == userId))
        {
            released.ClientMessageId = null;
            released.AttachedAt = null;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw ChatException.Invalid("A file of this message was just attached to another message; upload it again to send it.");
        }
        return claimed.ConvertAll(AttachmentService.View);
    }

    /// <summary>
    /// Within a deleting message's transaction: removes the rows of its files and returns their ids,
    /// whose bytes go once the transaction has committed.
    /// </summary>
    internal static async Task<IReadOnlyList<Guid>> DetachForDeleteAsync(ChatDbContext db, Message message, CancellationToken ct)
    {
        var files = db.Attachments.Where(a => a.UploaderId == message.SenderId && a.ClientMessageId == message.ClientMessageId && a.ThreadId == message.ThreadId);
        var ids = await files.Select(a => a.Id).ToListAsync(ct);
        if (ids.Count > 0)
        {
            await files.ExecuteDeleteAsync(ct);
        }
        return ids;
    }

    private static async Task<bool> IsStaleAsync(ChatDbContext db, Attachment row, DateTime now, CancellationToken ct) =>
        row.AttachedAt < now - StaleClaimAfter
        && !await db.Messages.AnyAsync(m => m.SenderId == row.UploaderId && m.ClientMessageId == row.ClientMessageId, ct);
}
