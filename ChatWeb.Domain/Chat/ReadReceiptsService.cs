using ChatWeb.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// Whether a person shares read receipts. As in WhatsApp it works both ways: someone who turns them
/// off no longer shows others how far they have read, and no longer sees how far others have
/// (<see cref="ThreadMemberView.LastReadSeq"/> is null, and no <see cref="ReadUpTo"/> reaches them or
/// leaves them). Their own read marks and unread counts are theirs as before.
/// </summary>
public sealed class ReadReceiptsService(IDbContextFactory<ChatDbContext> dbFactory, IChatNotifier notifier)
{
    public async Task<bool> IsSharingAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => (bool?)u.ShareReadReceipts).SingleOrDefaultAsync(ct)
            ?? throw ChatException.Invalid("No such account.");
    }

    /// <summary>
    /// Turns sharing on or off. Every thread of the person looks different to its members afterwards
    /// (their marks shown or hidden, and to the person everyone's), so each member gets each of those
    /// threads again as they see it.
    /// </summary>
    public async Task SetSharingAsync(string userId, bool share, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Committed on its own before the threads are read: no lock on the person's row is held while
        // reading rows a concurrent change may hold.
        var changed = await db.Users.Where(u => u.Id == userId && u.ShareReadReceipts != share)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.ShareReadReceipts, share), ct);
        if (changed == 0)
        {
            await IsSharingAsync(userId, ct);
            return;
        }
        var threads = await db.ThreadMembers.AsNoTracking()
            .Where(m => m.OwnerId == userId)
            .Select(m => m.Thread!)
            .Select(ThreadSnapshot.Projection)
            .ToListAsync(ct);
        foreach (var thread in threads)
        {
            await notifier.ThreadUpdatedAsync(thread.ViewsForAll(), ct);
        }
    }
}
