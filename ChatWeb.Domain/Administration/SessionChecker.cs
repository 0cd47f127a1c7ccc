using ChatWeb.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Administration;

/// <summary>
/// Is a sign-in (cookie or bearer token) still good? It carries the security stamp the account had
/// when it was issued; deactivation and a password change give the account a new one. One
/// primary-key read, so every authenticated request can afford it and a revoked token fails at once
/// on every node, with no cache to go stale.
/// </summary>
public sealed class SessionChecker(IDbContextFactory<ChatDbContext> dbFactory)
{
    public async Task<SessionState> CheckAsync(string userId, string? securityStamp, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.DeactivatedAt })
            .SingleOrDefaultAsync(ct);
        return account switch
        {
            null => SessionState.Ended,
            { DeactivatedAt: not null } => SessionState.Deactivated,
            _ when account.SecurityStamp != securityStamp => SessionState.Ended,
            _ => SessionState.Current,
        };
    }

    /// <summary>Of these sign-ins, the ones no longer good (for sweeping live connections).</summary>
    public async Task<IReadOnlySet<(string UserId, string? Stamp)>> FindEndedAsync(
        IReadOnlyCollection<(string UserId, string? Stamp)> sessions, CancellationToken ct = default)
    {
        var ended = new HashSet<(string, string?)>();
        foreach (var chunk in sessions.Select(s => s.UserId).Distinct().Chunk(500))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var accounts = await db.Users.AsNoTracking()
                .Where(u => chunk.Contains(u.Id))
                .Select(u => new { u.Id, u.SecurityStamp, u.DeactivatedAt })
                .ToDictionaryAsync(u => u.Id, ct);
            foreach (var session in sessions.Where(s => chunk.Contains(s.UserId)))
            {
                if (!accounts.TryGetValue(session.UserId, out var account) || account.DeactivatedAt is not null || account.SecurityStamp != session.Stamp)
                {
                    ended.Add(session);
                }
            }
        }
        return ended;
    }
}
