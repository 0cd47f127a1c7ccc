using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChatWeb.Domain.Administration;

/// <summary>
/// What administrators do to people: deactivate, reactivate, unlock, make or revoke admin, reset a
/// password. The same rules for the admin page and the HTTP API. Each change and its audit entry
/// commit together; an action that would change nothing writes nothing.
/// </summary>
public sealed class AdministrationService(
    IDbContextFactory<ChatDbContext> dbFactory,
    ISessionTerminator sessions,
    IPasswordResetLinks resetLinks,
    TimeProvider clock,
    ILogger<AdministrationService> logger)
{
    /// <summary>
    /// Cuts the person off: sign-in is refused from now on, and every session they have ends (a new
    /// security stamp invalidates their cookies and tokens; live connections are closed on every node).
    /// Their messages stay, under their name.
    /// </summary>
    public async Task DeactivateAsync(string actorId, string userName, CancellationToken ct = default)
    {
        var changed = await ChangeAsync(actorId, userName, AdminAction.Deactivated, (db, actor, target) =>
        {
            if (target.Id == actor.Id)
            {
                throw ChatException.Invalid("You cannot deactivate yourself.");
            }
            if (target.DeactivatedAt is not null)
            {
                return Task.FromResult(false);
            }
            target.DeactivatedAt = clock.GetUtcNow().UtcDateTime;
            target.SecurityStamp = Guid.NewGuid().ToString();
            return Task.FromResult(true);
        }, ct);
        if (changed is { } target)
        {
            await sessions.EndSessionsAsync(target, ct);
        }
    }

    public Task ReactivateAsync(string actorId, string userName, CancellationToken ct = default) =>
        ChangeAsync(actorId, userName, AdminAction.Reactivated, (db, actor, target) =>
        {
            var wasDeactivated = target.DeactivatedAt is not null;
            target.DeactivatedAt = null;
            return Task.FromResult(wasDeactivated);
        }, ct);

    /// <summary>Lifts a lockout after too many wrong passwords, and forgets the failed attempts.</summary>
    public Task UnlockAsync(string actorId, string userName, CancellationToken ct = default) =>
        ChangeAsync(actorId, userName, AdminAction.Unlocked, (db, actor, target) =>
        {
            var wasLocked = target.LockoutEnd is { } end && end > clock.GetUtcNow() || target.AccessFailedCount > 0;
            target.LockoutEnd = null;
            target.AccessFailedCount = 0;
            return Task.FromResult(wasLocked);
        }, ct);

    public Task GrantAdminAsync(string actorId, string userName, CancellationToken ct = default) =>
        ChangeAsync(actorId, userName, AdminAction.AdminGranted, async (db, actor, target) =>
        {
            if (target.DeactivatedAt is not null)
            {
                throw ChatException.Invalid($"{target.UserName} is deactivated: reactivate them first.");
            }
            if (await db.UserRoles.AnyAsync(r => r.UserId == target.Id && r.RoleId == AdminRole.Id, ct))
            {
                return false;
            }
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = target.Id, RoleId = AdminRole.Id });
            return true;
        }, ct);

    /// <summary>Any administrator may revoke another; the last one cannot revoke themselves.</summary>
    public Task RevokeAdminAsync(string actorId, string userName, CancellationToken ct = default) =>
        ChangeAsync(actorId, userName, AdminAction.AdminRevoked, async (db, actor, target) =>
        {
            var role = await db.UserRoles.SingleOrDefaultAsync(r => r.UserId == target.Id && r.RoleId == AdminRole.Id, ct);
            if (role is null)
            {
                return false;
            }
            if (target.Id == actor.Id && await AdminGate.ActiveAdminIds(db).CountAsync(ct) <= 1)
            {
                throw ChatException.Invalid("You are the last administrator: make someone else an administrator first.");
            }
            db.UserRoles.Remove(role);
            return true;
        }, ct);

    /// <summary>
    /// A one-time link that sets a new password (it stops working once used, or after it expires).
    /// Mailed to the person when mail is configured; otherwise returned for the administrator to hand over.
    /// </summary>
    public async Task<PasswordResetDelivery> ResetPasswordAsync(string actorId, string userName, Uri siteBase, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await FindActorAsync(db, actorId, ct);
        var target = await FindTargetAsync(db, userName, ct);
        if (target.DeactivatedAt is not null)
        {
            throw ChatException.Invalid($"{target.UserName} is deactivated: reactivate them first.");
        }
        var delivery = await resetLinks.IssueAsync(target.Id, siteBase, ct);
        db.AdminAudit.Add(Entry(actor, target, delivery.WasMailed ? AdminAction.PasswordResetEmailSent : AdminAction.PasswordResetLinkCreated));
        await db.SaveChangesAsync(ct);
        Log(actor, target, delivery.WasMailed ? AdminAction.PasswordResetEmailSent : AdminAction.PasswordResetLinkCreated);
        return delivery;
    }

    /// <summary>Returns the target's id when something changed (and was audited), null when nothing needed to.</summary>
    private async Task<string?> ChangeAsync(string actorId, string userName, AdminAction action,
        Func<ChatDbContext, ChatUser, ChatUser, Task<bool>> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await FindActorAsync(db, actorId, ct);
        var target = await FindTargetAsync(db, userName, ct);
        if (!await change(db, actor, target))
        {
            return null;
        }
        target.ConcurrencyStamp = Guid.NewGuid().ToString();
        db.AdminAudit.Add(Entry(actor, target, action));
        await db.SaveChangesAsync(ct);
        Log(actor, target, action);
        return target.Id;
    }

    private static async Task<ChatUser> FindActorAsync(ChatDbContext db, string actorId, CancellationToken ct)
    {
        await AdminGate.RequireAdminAsync(db, actorId, ct);
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == actorId, ct);
    }

    private static async Task<ChatUser> FindTargetAsync(ChatDbContext db, string userName, CancellationToken ct)
    {
        var person = await People.FindAsync(db, userName, ct);
        return await db.Users.SingleAsync(u => u.Id == person.Id, ct);
    }

    private AdminAuditEntry Entry(ChatUser actor, ChatUser target, AdminAction action) => new()
    {
        At = clock.GetUtcNow().UtcDateTime,
        ActorId = actor.Id,
        ActorName = actor.UserName!,
        Action = action,
        TargetId = target.Id,
        TargetUserName = target.UserName!,
    };

    private void Log(ChatUser actor, ChatUser target, AdminAction action) =>
        logger.LogInformation("Administrator {Actor}: {Action} {Target}.", actor.UserName, action, target.UserName);
}
