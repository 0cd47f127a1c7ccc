using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChatWeb.Domain.Administration;

/// <summary>
/// The people named in the <c>Admin:Emails</c> setting are administrators: granted at start-up to
/// the accounts that exist, and to an account created later from a verified company sign-in.
/// Each grant is audited as coming from the setting.
/// </summary>
public sealed class ConfiguredAdministrators(IDbContextFactory<ChatDbContext> dbFactory, TimeProvider clock, ILogger<ConfiguredAdministrators> logger)
{
    public const string ActorName = "Admin:Emails setting";

    public async Task GrantAsync(IReadOnlyCollection<string> emails, CancellationToken ct = default)
    {
        var normalized = emails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim().ToUpperInvariant()).Distinct().ToList();
        if (normalized.Count == 0)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var missing = await db.Users.AsNoTracking()
            .Where(u => normalized.Contains(u.NormalizedEmail!))
            .Where(u => !db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == AdminRole.Id))
            .Select(u => new { u.Id, u.UserName })
            .ToListAsync(ct);
        foreach (var person in missing)
        {
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = person.Id, RoleId = AdminRole.Id });
            db.AdminAudit.Add(new AdminAuditEntry
            {
                At = clock.GetUtcNow().UtcDateTime,
                ActorName = ActorName,
                Action = AdminAction.AdminGranted,
                TargetId = person.Id,
                TargetUserName = person.UserName!,
            });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (missing.Count > 0)
        {
            // Another node granted the same people at the same moment: they are administrators either way.
            logger.LogInformation("Another node granted the configured administrators first.");
            return;
        }
        foreach (var person in missing)
        {
            logger.LogInformation("{Person} is an administrator (Admin:Emails).", person.UserName);
        }
    }
}
