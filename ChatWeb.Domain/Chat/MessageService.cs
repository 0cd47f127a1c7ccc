using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Chat;

/// <summary>Sending by the consistency protocol, and reading history by seq.</summary>
public sealed class MessageService : IDisposable
{
    private readonly IDbContextFactory<ChatDbContext> dbFactory;
    private readonly IChatNotifier notifier;
    private readonly SendQuota quota;

    // Owned here so every host that has a MessageService has exactly one writer, with no extra registration.
    private readonly MessageWriteQueue writes;

    public MessageService(IDbContextFactory<ChatDbContext> dbFactory, IChatNotifier notifier, SendQuota quota, TimeProvider clock)
        : this(dbFactory, notifier, quota, clock, statementsFor: null)
    {
    }

    /// <param name="statementsFor">How the writer stores batches: the provider's own way unless a test asks for the other.</param>
    internal MessageService(IDbContextFactory<ChatDbContext> dbFactory, IChatNotifier notifier, SendQuota quota, TimeProvider clock, Func<ChatDbContext, IBatchStatements>? statementsFor)
    {
        this.dbFactory = dbFactory;
        this.notifier = notifier;
        this.quota = quota;
        writes = new MessageWriteQueue(dbFactory, clock, statementsFor);
    }

    /// <summary>
    /// Stores the message and returns it only after commit; then announces it to every member's
    /// devices. A retry with the same client message id returns the stored message, never a second one.
    /// Over the person's send allowance it is refused as too fast before anything is queued.
    /// </summary>
    public async Task<ChatMessage> SendAsync(string userId, Guid threadId, string? clientMessageId, string? body, CancellationToken ct = default)
    {
        var validId = ChatInput.ClientMessageId(clientMessageId);
        var validBody = ChatInput.Body(body);
        quota.Take(userId);

        var stored = await writes.StoreAsync(userId, threadId, validId, validBody, ct);
        if (!stored.IsNew)
        {
            return stored.Message;
        }

        await notifier.MessageStoredAsync(stored.Message, stored.RecipientIds!, ct);
        if (stored.ThreadToAnnounce is { } thread)
        {
            await notifier.ThreadAdvancedAsync(thread.ViewsForAll(), ct);
        }
        return stored.Message;
    }

    /// <summary>A page of history ending before <paramref name="beforeSeq"/> (the newest page when null), ascending.</summary>
    public async Task<IReadOnlyList<ChatMessage>> GetBeforeAsync(string userId, Guid threadId, long? beforeSeq, int? limit, CancellationToken ct = default)
    {
        if (beforeSeq is { } requested)
        {
            ChatInput.Seq(requested, "beforeSeq");
        }
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

    private static async Task RequireMemberAsync(ChatDbContext db, string userId, Guid threadId, CancellationToken ct)
    {
        if (!await db.ThreadMembers.AnyAsync(m => m.OwnerId == userId && m.ThreadId == threadId, ct))
        {
            throw ChatException.ThreadNotFound();
        }
    }

    public void Dispose() => writes.Dispose();

    private static IQueryable<ChatMessage> Project(IQueryable<Message> messages) =>
        messages.Select(m => new ChatMessage(m.Id, m.ThreadId, m.Seq, m.Sender!.UserName!, m.Sender.DisplayName, m.Body, m.SentAt, m.ClientMessageId));
}
