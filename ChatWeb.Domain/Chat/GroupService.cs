using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// Group membership and title. The creator (owner) and admins manage members and the title; anyone may leave.
/// Whoever leaves or is removed loses the thread and its history until added again.
/// </summary>
public sealed class GroupService(IDbContextFactory<ChatDbContext> dbFactory, IChatNotifier notifier, TimeProvider clock)
{
    public async Task<ThreadSummary> RenameAsync(string userId, Guid threadId, string? title, CancellationToken ct = default)
    {
        var validTitle = ChatInput.Title(title);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = await RequireGroupAdminAsync(db, userId, threadId, ct);
        me.Thread!.Title = validTitle;
        await db.SaveChangesAsync(ct);
        return await AnnounceAsync(db, userId, threadId, ct);
    }

    public async Task<ThreadSummary> AddMembersAsync(string userId, Guid threadId, IReadOnlyCollection<string>? userNames, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = await RequireGroupAdminAsync(db, userId, threadId, ct);
        var people = await People.FindAllAsync(db, userNames, ct);
        if (people.Count == 0)
        {
            throw ChatException.Invalid("Name at least one person to add.");
        }

        var ids = people.Select(p => p.Id).ToList();
        var already = await db.ThreadMembers.Where(m => m.ThreadId == threadId && ids.Contains(m.OwnerId)).Select(m => m.OwnerId).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var person in people.Where(p => !already.Contains(p.Id)))
        {
            var member = ConversationService.NewMember(person.Id, MemberRole.Member, now);
            member.ThreadId = threadId;
            // The history is theirs to scroll, but what was said before they came is not news to
            // them: a new member starts with nothing unread, not with the group's whole past.
            member.LastReadSeq = me.Thread!.LastSeq;
            db.ThreadMembers.Add(member);
        }
        await db.SaveChangesAsync(ct);
        return await AnnounceAsync(db, userId, threadId, ct);
    }

    public async Task RemoveMemberAsync(string userId, Guid threadId, string? userName, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = await RequireGroupAdminAsync(db, userId, threadId, ct);
        var person = await People.FindAsync(db, userName, ct);
        var target = await db.ThreadMembers.SingleOrDefaultAsync(m => m.ThreadId == threadId && m.OwnerId == person.Id, ct)
            ?? throw ChatException.Invalid($"{person.DisplayName} is not a member of this group.");
        if (GroupPermissions.RemoveRefusal(me.Thread!.Kind, me.Role, target.Role, isSelf: person.Id == userId) is { } refusal)
        {
            throw refusal;
        }
        db.ThreadMembers.Remove(target);
        await db.SaveChangesAsync(ct);

        await notifier.ThreadRemovedAsync(threadId, [person.Id], ct);
        await AnnounceAsync(db, userId, threadId, ct);
    }

    public async Task LeaveAsync(string userId, Guid threadId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = await Membership.RequireAsync(db, userId, threadId, ct);
        if (me.Thread!.Kind != ThreadKind.Group)
        {
            throw ChatException.Invalid("You cannot leave a direct conversation.");
        }

        db.ThreadMembers.Remove(me);
        if (me.Role == MemberRole.Owner)
        {
            // A group is never left without someone who can manage it: the longest-standing member takes over.
            var heir = await db.ThreadMembers.Where(m => m.ThreadId == threadId && m.OwnerId != userId)
                .OrderByDescending(m => m.Role).ThenBy(m => m.JoinedAt).FirstOrDefaultAsync(ct);
            heir?.Role = MemberRole.Owner;
        }
        await db.SaveChangesAsync(ct);

        await notifier.ThreadRemovedAsync(threadId, [userId], ct);
        var remaining = await Membership.SnapshotAsync(db, threadId, ct);
        if (remaining.Members.Count > 0)
        {
            await notifier.ThreadUpdatedAsync(remaining.ViewsForAll(), ct);
        }
    }

    private static async Task<ThreadMember> RequireGroupAdminAsync(ChatDbContext db, string userId, Guid threadId, CancellationToken ct)
    {
        var me = await Membership.RequireAsync(db, userId, threadId, ct);
        if (GroupPermissions.ManageRefusal(me.Thread!.Kind, me.Role) is { } refusal)
        {
            throw refusal;
        }
        return me;
    }

    private async Task<ThreadSummary> AnnounceAsync(ChatDbContext db, string userId, Guid threadId, CancellationToken ct)
    {
        var snapshot = await Membership.SnapshotAsync(db, threadId, ct);
        await notifier.ThreadUpdatedAsync(snapshot.ViewsForAll(), ct);
        return snapshot.ViewFor(userId);
    }
}
