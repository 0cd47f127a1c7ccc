using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Chat;

internal static class Membership
{
    /// <summary>The caller's row for the thread, tracked; a non-member gets the same "not found" as a missing thread.</summary>
    public static async Task<ThreadMember> RequireAsync(ChatDbContext db, string userId, Guid threadId, CancellationToken ct) =>
        await db.ThreadMembers.Include(m => m.Thread).SingleOrDefaultAsync(m => m.OwnerId == userId && m.ThreadId == threadId, ct)
        ?? throw ChatException.ThreadNotFound();

    public static Task<ThreadSnapshot> SnapshotAsync(ChatDbContext db, Guid threadId, CancellationToken ct) =>
        db.Threads.AsNoTracking().Where(t => t.Id == threadId).Select(ThreadSnapshot.Projection).SingleAsync(ct);
}
