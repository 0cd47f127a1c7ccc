using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Chat;

/// <summary>Sending by the consistency protocol, and reading history by seq.</summary>
public sealed class MessageService(IDbContextFactory<ChatDbContext> dbFactory, IChatNotifier notifier, TimeProvider clock)
{
    /// <summary>
    /// Stores the message and returns it only after commit; then announces it to every member's
    /// devices. A retry with the same client message id returns the stored message, never a second one.
    /// </summary>
    public async Task<ChatMessage> SendAsync(string userId, Guid threadId, string? clientMessageId, string? body, CancellationToken ct = default)
    {
        var validId = ChatInput.ClientMessageId(clientMessageId);
        var validBody = ChatInput.Body(body);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await TryStoreAsync(db, userId, threadId, validId, validBody, ct);
        if (!stored.IsNew)
        {
            return stored.Message;
        }

        var snapshot = await Membership.SnapshotAsync(db, threadId, ct);
        await notifier.MessageStoredAsync(stored.Message, snapshot.MemberIds, ct);
        await notifier.ThreadUpdatedAsync(snapshot.ViewsForAll(), ct);
        return stored.Message;
    }

    /// <summary>A page of history ending before <paramref name="beforeSeq"/> (the newest page when null), ascending.</summary>
    public async Task<IReadOnlyList<ChatMessage>> GetBeforeAsync(string userId, Guid threadId, long? beforeSeq, int? limit, CancellationToken ct = default)
    {
        var take = ChatInput.PageSize(limit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireMemberAsync(db, userId, threadId, ct);
        var query = db.Messages.AsNoTracking().Where(m => m.ThreadId == threadId);
        if (beforeSeq is { } before)
        {
            query = query.Where(m => m.Seq < before);
        }
        var page = await Project(query.OrderByDescending(m => m.Seq).Take(take)).ToListAsync(ct);
        page.Reverse();
        return page;
    }

    /// <summary>Everything after <paramref name="afterSeq"/>, ascending: how a device catches up after a gap or a reconnect.</summary>
    public async Task<IReadOnlyList<ChatMessage>> GetAfterAsync(string userId, Guid threadId, long afterSeq, int? limit, CancellationToken ct = default)
    {
        ChatInput.Seq(afterSeq, "afterSeq");
        var take = ChatInput.PageSize(limit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireMemberAsync(db, userId, threadId, ct);
        return await Project(db.Messages.AsNoTracking()
                .Where(m => m.ThreadId == threadId && m.Seq > afterSeq)
                .OrderBy(m => m.Seq)
                .Take(take))
            .ToListAsync(ct);
    }

    private async Task<(ChatMessage Message, bool IsNew)> TryStoreAsync(
        ChatDbContext db, string userId, Guid threadId, string clientMessageId, string body, CancellationToken ct)
    {
        try
        {
            // On SQLite this begins IMMEDIATE, so concurrent senders queue for the write lock instead of deadlocking.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Membership before the idempotency look-up: someone who has left is refused like any
            // non-member, even when retrying a message they sent while still in the thread.
            await RequireMemberAsync(db, userId, threadId, ct);
            var earlier = await FindByClientIdAsync(db, userId, clientMessageId, ct);
            if (earlier is not null)
            {
                return (EnsureSameThread(earlier, threadId), false);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var preview = ChatInput.Preview(body);
            // The increment takes the thread row's write lock, so seqs are handed out one at a time, gap-free.
            await db.Threads.Where(t => t.Id == threadId).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.LastSeq, t => t.LastSeq + 1)
                .SetProperty(t => t.LastMessageAt, now)
                .SetProperty(t => t.LastMessagePreview, preview)
                .SetProperty(t => t.LastMessageSenderId, userId), ct);
            var seq = await db.Threads.Where(t => t.Id == threadId).Select(t => t.LastSeq).SingleAsync(ct);

            var message = new Message { ThreadId = threadId, Seq = seq, SenderId = userId, ClientMessageId = clientMessageId, Body = body, SentAt = now };
            db.Messages.Add(message);
            await db.SaveChangesAsync(ct);

            await db.ThreadMembers.Where(m => m.ThreadId == threadId).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LastActivityAt, now)
                .SetProperty(m => m.LastReadSeq, m => m.OwnerId == userId ? seq : m.LastReadSeq), ct);

            await tx.CommitAsync(ct);
            var sender = await db.Users.Where(u => u.Id == userId).Select(u => new { u.UserName, u.DisplayName }).SingleAsync(ct);
            return (new ChatMessage(message.Id, threadId, seq, sender.UserName!, sender.DisplayName, body, now, clientMessageId), true);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // A concurrent retry of the same message won the race: answer with what it stored.
            db.ChangeTracker.Clear();
            var winner = await FindByClientIdAsync(db, userId, clientMessageId, ct) ?? throw new InvalidOperationException("Message vanished after a unique-key conflict.", ex);
            return (EnsureSameThread(winner, threadId), false);
        }
    }

    private static ChatMessage EnsureSameThread(ChatMessage earlier, Guid threadId) =>
        earlier.ThreadId == threadId
            ? earlier
            : throw ChatException.Invalid("That client message id was already used for a message in another conversation.");

    private static Task<ChatMessage?> FindByClientIdAsync(ChatDbContext db, string userId, string clientMessageId, CancellationToken ct) =>
        Project(db.Messages.AsNoTracking().Where(m => m.SenderId == userId && m.ClientMessageId == clientMessageId)).SingleOrDefaultAsync(ct);

    private static async Task RequireMemberAsync(ChatDbContext db, string userId, Guid threadId, CancellationToken ct)
    {
        if (!await db.ThreadMembers.AnyAsync(m => m.OwnerId == userId && m.ThreadId == threadId, ct))
        {
            throw ChatException.ThreadNotFound();
        }
    }

    private static IQueryable<ChatMessage> Project(IQueryable<Message> messages) =>
        messages.Select(m => new ChatMessage(m.Id, m.ThreadId, m.Seq, m.Sender!.UserName!, m.Sender.DisplayName, m.Body, m.SentAt, m.ClientMessageId));
}
