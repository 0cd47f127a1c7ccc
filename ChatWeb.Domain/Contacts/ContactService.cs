using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using ChatWeb.Domain.Presence;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Contacts;

/// <summary>A person's contact list, with live presence. Changes reach all of the owner's devices.</summary>
public sealed class ContactService(IDbContextFactory<ChatDbContext> dbFactory, IPresenceTracker presence, IChatNotifier notifier, TimeProvider clock)
{
    public async Task<IReadOnlyList<ContactView>> ListAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Contacts.AsNoTracking()
            .Where(c => c.OwnerId == userId)
            .Select(c => new { c.ContactId, c.ContactUser!.UserName, c.ContactUser.DisplayName, c.ContactUser.LastSeenAt })
            .ToListAsync(ct);
        var online = await presence.OnlineAmongAsync(rows.ConvertAll(r => r.ContactId));
        return rows
            .Select(r => new ContactView(r.UserName!, r.DisplayName, online.Contains(r.ContactId), r.LastSeenAt))
            .OrderByDescending(c => c.IsOnline).ThenBy(c => c.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    public async Task<ContactView> AddAsync(string userId, string? userName, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await People.FindAsync(db, userName, ct);
        if (person.Id == userId)
        {
            throw ChatException.Invalid("You cannot add yourself as a contact.");
        }
        if (await db.Contacts.AnyAsync(c => c.OwnerId == userId && c.ContactId == person.Id, ct))
        {
            throw ChatException.Invalid($"{person.DisplayName} is already in your contacts.");
        }

        db.Contacts.Add(new Contact { OwnerId = userId, ContactId = person.Id, CreatedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            throw ChatException.Invalid($"{person.DisplayName} is already in your contacts.");
        }

        await notifier.ContactsChangedAsync(userId, ct);
        var isOnline = (await presence.OnlineAmongAsync([person.Id])).Contains(person.Id);
        var lastSeen = await db.Users.Where(u => u.Id == person.Id).Select(u => u.LastSeenAt).SingleAsync(ct);
        return new ContactView(person.UserName, person.DisplayName, isOnline, lastSeen);
    }

    public async Task RemoveAsync(string userId, string? userName, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await People.FindAsync(db, userName, ct);
        var removed = await db.Contacts.Where(c => c.OwnerId == userId && c.ContactId == person.Id).ExecuteDeleteAsync(ct);
        if (removed == 0)
        {
            throw ChatException.Invalid($"{person.DisplayName} is not in your contacts.");
        }
        await notifier.ContactsChangedAsync(userId, ct);
    }
}
