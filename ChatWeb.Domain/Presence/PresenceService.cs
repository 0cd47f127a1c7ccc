using System.Collections.Concurrent;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Presence;

/// <summary>
/// Online while at least one device is connected. Changes are pushed to the people who share a
/// thread or a contact with the person, so fan-out stays bounded by their own circles.
/// </summary>
public sealed class PresenceService(IDbContextFactory<ChatDbContext> dbFactory, IPresenceTracker tracker, IChatNotifier notifier, TimeProvider clock) : IDisposable
{
    private readonly LastSeenWriter lastSeen = new(dbFactory);

    // Announcements taken from the shared tracker but not made yet (see AnnounceOwedAsync), by user id.
    private readonly ConcurrentDictionary<string, OwedAnnouncement> owed = new();

    public async Task DeviceConnectedAsync(string userId, string connectionId, CancellationToken ct = default)
    {
        if (await tracker.ConnectedAsync(userId, connectionId))
        {
            await AnnounceAsync(userId, isOnline: true, ct);
        }
    }

    public async Task DeviceDisconnectedAsync(string userId, string connectionId, CancellationToken ct = default)
    {
        if (await tracker.DisconnectedAsync(userId, connectionId))
        {
            await lastSeen.StoreAsync(userId, clock.GetUtcNow().UtcDateTime, ct);
            await AnnounceAsync(userId, isOnline: false, ct);
        }
    }

    /// <summary>
    /// Announces as offline the people whose connections lapsed with a node that died: nobody was
    /// left to say goodbye for them. Every node calls this now and then; each person is announced
    /// by one node, with the time they were last known connected. If reading or storing fails,
    /// the announcement is owed and made by a later call.
    /// </summary>
    public async Task AnnounceLapsedAsync(CancellationToken ct = default)
    {
        foreach (var person in await tracker.TakeLapsedAsync())
        {
            owed[person.UserId] = new OwedAnnouncement(IsOnline: false, person.LastSeenAt);
        }
        await AnnounceOwedAsync(ct);
    }

    /// <summary>
    /// Announces as online people who never left but were announced offline: their node lost the
    /// shared tracker for longer than an entry's lifetime, and another node took them for lapsed.
    /// If reading fails, the announcement is owed and made by a later call.
    /// </summary>
    public async Task AnnounceReturnedAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default)
    {
        foreach (var userId in userIds)
        {
            owed[userId] = new OwedAnnouncement(IsOnline: true, LastSeenAt: null);
        }
        await AnnounceOwedAsync(ct);
    }

    /// <summary>
    /// The shared tracker hands each of these announcements to one node, once: if it were dropped
    /// on a failure, nobody would ever make it. Someone whose state changed again meanwhile is
    /// skipped, since their own device's arrival or departure was announced.
    /// </summary>
    private async Task AnnounceOwedAsync(CancellationToken ct)
    {
        if (owed.IsEmpty)
        {
            return;
        }
        var due = owed.ToArray();
        var online = await tracker.OnlineAmongAsync(Array.ConvertAll(due, d => d.Key));
        var stillTrue = new List<KeyValuePair<string, OwedAnnouncement>>(due.Length);
        foreach (var announcement in due)
        {
            if (online.Contains(announcement.Key) == announcement.Value.IsOnline)
            {
                stillTrue.Add(announcement);
            }
            else
            {
                owed.TryRemove(announcement);
            }
        }
        // All queued at once, so a dead node's people share the last-seen writer's few commits.
        await Task.WhenAll(stillTrue
            .Where(a => a.Value.LastSeenAt is not null)
            .Select(a => lastSeen.StoreAsync(a.Key, a.Value.LastSeenAt!.Value, ct, onlyIfLater: true)));
        foreach (var announcement in stillTrue)
        {
            await AnnounceAsync(announcement.Key, announcement.Value.IsOnline, ct);
            owed.TryRemove(announcement);
        }
    }

    /// <summary>Any signed-in colleague may look anyone's presence up.</summary>
    public async Task<IReadOnlyList<PresenceView>> GetAsync(IReadOnlyCollection<string> userNames, CancellationToken ct = default)
    {
        var normalized = userNames.Where(n => !string.IsNullOrWhiteSpace(n)).Select(People.Normalize).Distinct().Take(500).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = await db.Users.AsNoTracking()
            .Where(u => normalized.Contains(u.NormalizedUserName!))
            .Select(u => new { u.Id, u.UserName, u.LastSeenAt })
            .ToListAsync(ct);
        var online = await tracker.OnlineAmongAsync(people.ConvertAll(p => p.Id));
        return people.ConvertAll(p => new PresenceView(p.UserName!, online.Contains(p.Id), p.LastSeenAt));
    }

    public void Dispose() => lastSeen.Dispose();

    private async Task AnnounceAsync(string userId, bool isOnline, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.UserName, u.LastSeenAt }).SingleOrDefaultAsync(ct);
        if (me is null)
        {
            return;
        }
        var audience = await AudienceAsync(db, userId, ct);
        if (audience.Count > 0)
        {
            await notifier.PresenceChangedAsync(new PresenceView(me.UserName!, isOnline, me.LastSeenAt), audience, ct);
        }
    }

    /// <summary>Everyone who shares a thread with the person, has them as a contact, or is one of theirs.</summary>
    private static async Task<IReadOnlyCollection<string>> AudienceAsync(ChatDbContext db, string userId, CancellationToken ct)
    {
        var myThreads = db.ThreadMembers.Where(m => m.OwnerId == userId).Select(m => m.ThreadId);
        return await db.ThreadMembers.Where(m => myThreads.Contains(m.ThreadId) && m.OwnerId != userId).Select(m => m.OwnerId)
            .Union(db.Contacts.Where(c => c.ContactId == userId).Select(c => c.OwnerId))
            .Union(db.Contacts.Where(c => c.OwnerId == userId).Select(c => c.ContactId))
            .ToListAsync(ct);
    }

    private sealed record OwedAnnouncement(bool IsOnline, DateTime? LastSeenAt);
}
