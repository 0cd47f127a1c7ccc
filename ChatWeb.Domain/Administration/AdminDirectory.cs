using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Contacts;
using ChatWeb.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Administration;

/// <summary>What administrators read: everyone with an account, and the audit log. Administrators only.</summary>
public sealed class AdminDirectory(IDbContextFactory<ChatDbContext> dbFactory, TimeProvider clock)
{
    public const int PeoplePageSize = 25;
    public const int AuditPageSize = 50;
    public const int MaxPage = 10_000;

    public async Task<bool> IsAdminAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await AdminGate.IsAdminAsync(db, userId, ct);
    }

    /// <summary>
    /// Everyone whose display name or email starts with the query (any case), by name, a page of 25;
    /// everyone when the query is empty.
    /// </summary>
    public async Task<AdminPeoplePage> SearchPeopleAsync(string actorId, string? query, int page, int pageSize = PeoplePageSize, CancellationToken ct = default)
    {
        CheckPage(page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await AdminGate.RequireAdminAsync(db, actorId, ct);

        var people = db.Users.AsNoTracking();
        var prefix = query?.Trim().ToUpperInvariant() ?? "";
        if (prefix.Length > 0)
        {
            var range = PrefixRange.For(prefix);
            people = people.Where(u => (string.Compare(u.NormalizedDisplayName, range.From) >= 0 && string.Compare(u.NormalizedDisplayName, range.To) < 0)
                                       || (string.Compare(u.NormalizedEmail, range.From) >= 0 && string.Compare(u.NormalizedEmail, range.To) < 0));
        }
        var total = await people.CountAsync(ct);
        var views = await ViewsAsync(db, people.OrderBy(u => u.NormalizedDisplayName).ThenBy(u => u.Id).Skip(page * pageSize).Take(pageSize), ct);
        return new AdminPeoplePage(views, page, pageSize, total);
    }

    /// <summary>One person, as the admin page shows them (what an action answers with).</summary>
    public async Task<AdminPersonView> GetPersonAsync(string actorId, string userName, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await AdminGate.RequireAdminAsync(db, actorId, ct);
        var person = await People.FindAsync(db, userName, ct);
        return (await ViewsAsync(db, db.Users.AsNoTracking().Where(u => u.Id == person.Id), ct)).Single();
    }

    private async Task<List<AdminPersonView>> ViewsAsync(ChatDbContext db, IQueryable<Entities.ChatUser> people, CancellationToken ct)
    {
        var rows = await people
            .Select(u => new
            {
                u.UserName, u.DisplayName, u.Email, u.LastSeenAt, u.DeactivatedAt, u.LockoutEnd,
                IsAdmin = db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == AdminRole.Id),
            })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        return rows.ConvertAll(r =>
        {
            var lockedOutUntil = r.LockoutEnd is { } end && end > now ? end.UtcDateTime : (DateTime?)null;
            var status = r.DeactivatedAt is not null ? PersonStatus.Deactivated
                : lockedOutUntil is not null ? PersonStatus.LockedOut
                : PersonStatus.Active;
            return new AdminPersonView(r.UserName!, r.DisplayName, r.Email ?? r.UserName!, r.LastSeenAt, status, r.IsAdmin, r.DeactivatedAt, lockedOutUntil);
        });
    }

    /// <summary>The audit log, newest first, 50 a page.</summary>
    public async Task<AuditPage> AuditAsync(string actorId, int page, CancellationToken ct = default)
    {
        CheckPage(page);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await AdminGate.RequireAdminAsync(db, actorId, ct);
        var total = await db.AdminAudit.CountAsync(ct);
        var entries = await db.AdminAudit.AsNoTracking()
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(page * AuditPageSize)
            .Take(AuditPageSize)
            .Select(e => new AuditEntryView(e.At, e.ActorName, e.Action, e.TargetUserName))
            .ToListAsync(ct);
        return new AuditPage(entries, page, AuditPageSize, total);
    }

    private static void CheckPage(int page)
    {
        if (page is < 0 or > MaxPage)
        {
            throw ChatException.Invalid($"The page number must be between 0 and {MaxPage:N0}.");
        }
    }
}
