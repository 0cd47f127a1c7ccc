using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Data;

/// <summary>
/// Pages of a thread's history through EF, the same on every provider: a membership check, then one
/// seek on the unique (ThreadId, Seq) index. Each message store reads with it.
/// </summary>
internal sealed class MessageHistory(IDbContextFactory<ChatDbContext> dbFactory)
{
    public async Task<IReadOnlyList<ChatMessage>?> BeforeAsync(string readerId, Guid threadId, long? beforeSeq, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await IsMemberAsync(db, readerId, threadId, ct))
        {
            return null;
        }
        var query = db.Messages.AsNoTracking().Where(m => m.ThreadId == threadId);
        if (beforeSeq is { } before)
        {
            query = query.Where(m => m.Seq < before);
        }
        var page = await Project(query.OrderByDescending(m => m.Seq).Take(take)).ToListAsync(ct);
        page.Reverse();
        return page;
    }

    public async Task<IReadOnlyList<ChatMessage>?> AfterAsync(string readerId, Guid threadId, long afterSeq, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await IsMemberAsync(db, readerId, threadId, ct))
        {
            return null;
        }
        return await Project(db.Messages.AsNoTracking()
                .Where(m => m.ThreadId == threadId && m.Seq > afterSeq)
                .OrderBy(m => m.Seq)
                .Take(take))
            .ToListAsync(ct);
    }

    private static Task<bool> IsMemberAsync(ChatDbContext db, string userId, Guid threadId, CancellationToken ct) =>
        db.ThreadMembers.AnyAsync(m => m.OwnerId == userId && m.ThreadId == threadId, ct);

    private static IQueryable<ChatMessage> Project(IQueryable<Message> messages) =>
        messages.Select(m => new ChatMessage(m.Id, m.ThreadId, m.Seq, m.Sender!.UserName!, m.Sender.DisplayName, m.Body, m.SentAt, m.ClientMessageId));
}
