using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Chat;

/// <summary>A person's conversations: the list, one thread, opening a direct chat, creating a group.</summary>
public sealed class ConversationService(IDbContextFactory<ChatDbContext> dbFactory, IChatNotifier notifier, TimeProvider clock)
{
    /// <summary>Every thread the person is in, most recent activity first, in one query.</summary>
    public async Task<IReadOnlyList<ThreadSummary>> GetThreadsAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var snapshots = await db.ThreadMembers.AsNoTracking()
            .Where(m => m.OwnerId == userId)
            .OrderByDescending(m => m.Thread!.LastMessageAt)
            .Select(m => m.Thread!)
            .Select(ThreadSnapshot.Projection)
            .ToListAsync(ct);
        return snapshots.ConvertAll(s => s.ViewFor(userId));
    }

    public async Task<ThreadSummary> GetThreadAsync(string userId, Guid threadId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var snapshot = await db.Threads.AsNoTracking()
            .Where(t => t.Id == threadId && t.Members.Any(m => m.OwnerId == userId))
            .Select(ThreadSnapshot.Projection)
            .SingleOrDefaultAsync(ct);
        return snapshot?.ViewFor(userId) ?? throw ChatException.ThreadNotFound();
    }

    /// <summary>The caller (who must be a member) and the ids of the thread's other members.</summary>
    public async Task<ThreadAudience> GetAudienceAsync(string userId, Guid threadId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var members = await db.ThreadMembers.AsNoTracking()
            .Where(m => m.ThreadId == threadId)
            .Select(m => new { m.OwnerId, m.Owner!.UserName, m.Owner.DisplayName })
            .ToListAsync(ct);
        var me = members.Find(m => m.OwnerId == userId) ?? throw ChatException.ThreadNotFound();
        return new ThreadAudience(new PersonView(me.UserName!, me.DisplayName), members.Where(m => m.OwnerId != userId).Select(m => m.OwnerId).ToList());
    }

    /// <summary>
    /// The one direct thread between two people, created on first use. Concurrent opens race on
    /// the unique pair key; the loser reads the winner's thread.
    /// </summary>
    public async Task<ThreadSummary> OpenDirectAsync(string userId, string otherUserName, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var other = await People.FindAsync(db, otherUserName, ct);
        if (other.Id == userId)
        {
            throw ChatException.Invalid("You cannot start a direct conversation with yourself.");
        }

        var key = ChatThread.DirectKeyFor(userId, other.Id);
        var existing = await FindDirectAsync(db, key, ct);
        if (existing is not null)
        {
            return existing.ViewFor(userId);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var thread = new ChatThread
        {
            Kind = ThreadKind.Direct, DirectKey = key, CreatedById = userId, CreatedAt = now, LastMessageAt = now,
            Members = [NewMember(userId, MemberRole.Member, now), NewMember(other.Id, MemberRole.Member, now)],
        };
        db.Threads.Add(thread);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            var winner = await FindDirectAsync(db, key, ct) ?? throw new InvalidOperationException("Direct thread vanished after a unique-key conflict.", ex);
            return winner.ViewFor(userId);
        }

        var created = await Membership.SnapshotAsync(db, thread.Id, ct);
        await notifier.ThreadUpdatedAsync(created.ViewsForAll(), ct);
        return created.ViewFor(userId);
    }

    public async Task<ThreadSummary> CreateGroupAsync(string userId, string? title, IReadOnlyCollection<string>? memberUserNames, CancellationToken ct = default)
    {
        var validTitle = ChatInput.Title(title);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = await People.FindAllAsync(db, memberUserNames, ct);
        var others = people.Where(p => p.Id != userId).ToList();
        if (others.Count == 0)
        {
            throw ChatException.Invalid("A group needs at least one other member.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var thread = new ChatThread
        {
            Kind = ThreadKind.Group, Title = validTitle, CreatedById = userId, CreatedAt = now, LastMessageAt = now,
            Members = [NewMember(userId, MemberRole.Owner, now), .. others.Select(p => NewMember(p.Id, MemberRole.Member, now))],
        };
        db.Threads.Add(thread);
        await db.SaveChangesAsync(ct);

        var created = await Membership.SnapshotAsync(db, thread.Id, ct);
        await notifier.ThreadUpdatedAsync(created.ViewsForAll(), ct);
        return created.ViewFor(userId);
    }

    private static Task<ThreadSnapshot?> FindDirectAsync(ChatDbContext db, string key, CancellationToken ct) =>
        db.Threads.AsNoTracking().Where(t => t.DirectKey == key).Select(ThreadSnapshot.Projection).SingleOrDefaultAsync(ct);

    internal static ThreadMember NewMember(string userId, MemberRole role, DateTime now) =>
        new() { OwnerId = userId, Role = role, JoinedAt = now };
}
