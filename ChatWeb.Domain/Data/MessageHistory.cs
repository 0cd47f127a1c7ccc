using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Data;

/// <summary>
/// A thread's history through EF, the same on every provider: a membership check, then one query
/// that seeks the unique (ThreadId, Seq) index for pages by seq, or (ThreadId, Version) for changes.
/// Each message store reads with it.
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
        var page = await ReadAsync(db, query.OrderByDescending(m => m.Seq).Take(take), ct);
        return page.OrderBy(m => m.Seq).ToList();
    }

    public async Task<IReadOnlyList<ChatMessage>?> AfterAsync(string readerId, Guid threadId, long afterSeq, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await IsMemberAsync(db, readerId, threadId, ct))
        {
            return null;
        }
        var page = await ReadAsync(db, db.Messages.AsNoTracking()
            .Where(m => m.ThreadId == threadId && m.Seq > afterSeq)
            .OrderBy(m => m.Seq)
            .Take(take), ct);
        return page.OrderBy(m => m.Seq).ToList();
    }

    /// <summary>
    /// The thread's latest version is read first and bounds the page: every change up to it has
    /// committed (a change takes its version under the thread's lock and commits with it), so a
    /// change committing during the read either lies above the bound (the next call finds it) or was
    /// already visible. Nothing at or below the returned <see cref="MessageChanges.LastVersion"/> is
    /// ever missed, even where reads do not see one snapshot (SQL Server's read committed).
    /// </summary>
    public async Task<MessageChanges?> ChangesAfterAsync(string readerId, Guid threadId, long afterVersion, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = await db.ThreadMembers.AsNoTracking()
            .Where(m => m.OwnerId == readerId && m.ThreadId == threadId)
            .Select(m => (long?)m.Thread!.LastVersion)
            .SingleOrDefaultAsync(ct);
        if (latest is not { } bound)
        {
            return null;
        }
        var page = await ReadAsync(db, db.Messages.AsNoTracking()
            .Where(m => m.ThreadId == threadId && m.Version > afterVersion && m.Version <= bound)
            .OrderBy(m => m.Version)
            .Take(take), ct);
        page = page.OrderBy(m => m.Version).ToList();
        return new MessageChanges(page, page.Count == take ? page[^1].Version : bound);
    }

    public async Task<ChatMessage?> OneAsync(string readerId, Guid threadId, Guid messageId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await IsMemberAsync(db, readerId, threadId, ct) ? await OneAsync(db, threadId, messageId, ct) : null;
    }

    /// <summary>One message as <paramref name="db"/> sees it now: inside a change's transaction, as that change leaves it.</summary>
    public static async Task<ChatMessage?> OneAsync(ChatDbContext db, Guid threadId, Guid messageId, CancellationToken ct)
    {
        var found = await ReadAsync(db, db.Messages.AsNoTracking().Where(m => m.ThreadId == threadId && m.Id == messageId), ct);
        return found.Count == 0 ? null : found[0];
    }

    private static Task<bool> IsMemberAsync(ChatDbContext db, string userId, Guid threadId, CancellationToken ct) =>
        db.ThreadMembers.AnyAsync(m => m.OwnerId == userId && m.ThreadId == threadId, ct);

    private static async Task<List<ChatMessage>> ReadAsync(ChatDbContext db, IQueryable<Message> messages, CancellationToken ct)
    {
        var rows = await MessageRow.Project(db, messages).ToListAsync(ct);
        return rows.ConvertAll(r => r.ToMessage());
    }
}
