using ChatWeb.Domain.Data;
using ChatWeb.Domain.Presence;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Chat;

/// <summary>Who in a thread is online now: whom an @here reaches.</summary>
internal sealed class OnlineMembers(IDbContextFactory<ChatDbContext> dbFactory, IPresenceTracker presence)
{
    public async Task<IReadOnlySet<string>> InThreadAsync(Guid threadId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var memberIds = await db.ThreadMembers.AsNoTracking().Where(m => m.ThreadId == threadId).Select(m => m.OwnerId).ToListAsync(ct);
        return await presence.OnlineAmongAsync(memberIds);
    }
}
