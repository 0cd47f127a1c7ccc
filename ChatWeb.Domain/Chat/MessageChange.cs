using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// One change to one message, in a transaction of its own that takes the thread's next version
/// first. Taking it is what serializes changes to a thread: on SQLite the transaction is
/// <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default), the database's write lock from the start;
/// on SQL Server the increment's exclusive lock on the thread's row is held to commit, so a second
/// change (or a batch of sends, which takes an update lock on the row) waits for the first to commit
/// and then reads what it wrote. Membership and the message are read under that lock, so the rules are
/// judged on what the change will commit over. A refusal or a change that changes nothing rolls back,
/// version included: versions stay gapless.
/// </summary>
internal sealed class MessageChange : IAsyncDisposable
{
    private readonly IDbContextTransaction transaction;
    private readonly long lastSeq;

    private MessageChange(ChatDbContext db, IDbContextTransaction transaction, Message message, ThreadKind kind, MemberRole role, long version, long lastSeq, string userId)
    {
        (Db, this.transaction, Message, Kind, Role, Version, this.lastSeq, UserId) = (db, transaction, message, kind, role, version, lastSeq, userId);
    }

    public ChatDbContext Db { get; }

    /// <summary>The message, tracked: what the change sets on it is written at commit, with <see cref="Version"/>.</summary>
    public Message Message { get; }

    public ThreadKind Kind { get; }
    public MemberRole Role { get; }
    public long Version { get; }
    public string UserId { get; }

    public bool BySender => Message.SenderId == UserId;

    public static async Task<MessageChange> BeginAsync(IDbContextFactory<ChatDbContext> dbFactory, string userId, Guid threadId, Guid messageId, CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        IDbContextTransaction? transaction = null;
        try
        {
            transaction = await db.Database.BeginTransactionAsync(ct);
            var locked = await db.Threads.Where(t => t.Id == threadId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastVersion, t => t.LastVersion + 1), ct);
            var me = locked == 0 ? null : await db.ThreadMembers.AsNoTracking()
                .Where(m => m.OwnerId == userId && m.ThreadId == threadId)
                .Select(m => new { m.Role, m.Thread!.Kind, m.Thread.LastVersion, m.Thread.LastSeq })
                .SingleOrDefaultAsync(ct);
            if (me is null)
            {
                throw ChatException.ThreadNotFound();
            }
            var message = await db.Messages.SingleOrDefaultAsync(m => m.ThreadId == threadId && m.Id == messageId, ct)
                ?? throw ChatException.MessageNotFound();
            return new MessageChange(db, transaction, message, me.Kind, me.Role, me.LastVersion, me.LastSeq, userId);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Writes the change with its version and commits. When the text of the thread's last message
    /// changed (an edit, a delete), the thread's preview follows it. Returns the message as the change
    /// left it, read inside the transaction, and who hears of it.
    /// </summary>
    public async Task<CommittedChange> CommitAsync(bool textChanged, CancellationToken ct)
    {
        if (textChanged)
        {
            // The search index follows the text in this transaction: the old words out, the new in.
            await Db.UnindexMessageAsync(Message.Id, ct);
        }
        Message.Version = Version;
        await Db.SaveChangesAsync(ct);
        if (textChanged)
        {
            await Db.IndexMessageAsync(Message.Id, ct);
        }
        var previewMoved = textChanged && Message.Seq == lastSeq;
        if (previewMoved)
        {
            var preview = Message.DeletedAt is null ? ChatInput.Preview(Message.Body) : null;
            await Db.Threads.Where(t => t.Id == Message.ThreadId).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastMessagePreview, preview), ct);
        }
        var changed = await ReadAsync(ct);
        var memberIds = await Db.ThreadMembers.Where(m => m.ThreadId == Message.ThreadId).Select(m => m.OwnerId).ToListAsync(ct);
        await transaction.CommitAsync(ct);
        return new CommittedChange(changed, memberIds, previewMoved);
    }

    /// <summary>Nothing to change (a repeat of a change already made): the version is given back, the message returned as it is.</summary>
    public async Task<ChatMessage> UnchangedAsync(CancellationToken ct)
    {
        var current = await ReadAsync(ct);
        await transaction.RollbackAsync(ct);
        return current;
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await Db.DisposeAsync();
    }

    private async Task<ChatMessage> ReadAsync(CancellationToken ct) =>
        await MessageHistory.OneAsync(Db, Message.ThreadId, Message.Id, ct)
        ?? throw new InvalidOperationException("A message read under its thread's lock vanished.");
}

/// <summary>A committed change: the message as it left it, who hears of it, and whether the thread's preview moved with it.</summary>
internal sealed record CommittedChange(ChatMessage Message, IReadOnlyCollection<string> MemberIds, bool PreviewMoved);
