using ChatWeb.Domain.Data.Sqlite;
using ChatWeb.Domain.Data.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChatWeb.Domain.Data;

/// <summary>
/// Brings the database up to date at start-up, waiting for a database server that is still starting.
/// Migrations are applied only when some are pending; finding out takes no lock, so a start with
/// nothing to apply never waits on a migration lock, however it was left. On SQL Server, EF Core's
/// migration lock is an application lock owned by the session, which the server releases when the
/// session ends (a killed node included), so several nodes starting at once take turns and the later
/// ones find nothing left to apply. On SQLite, <see cref="SqliteMigrationGuard"/> recovers a lock
/// left by a killed process.
/// </summary>
public static class DatabaseInitializer
{
    public static async Task MigrateAsync(IDbContextFactory<ChatDbContext> factory, ILogger logger, TimeSpan patience, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + patience;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
                {
                    await (db.Database.IsSqlite() ? SqliteMigrationGuard.MigrateAsync(db, logger, ct) : db.Database.MigrateAsync(ct));
                }
                if (db.Database.IsSqlServer() && !await SqlServerFullText.IsIndexedAsync(db, ct))
                {
                    logger.LogWarning(
                        "Full-text search is not installed on this SQL Server: searching messages falls back to a slower plain search. " +
                        "docs/design-notes.md (Search) says how to add it.");
                }
                if (db.Database.IsSqlite())
                {
                    // WAL lets readers run beside the one writer; the setting is stored in the file.
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
                }
                return;
            }
            catch (Exception ex) when (DateTime.UtcNow < deadline && !ct.IsCancellationRequested && IsTransient(ex))
            {
                logger.LogWarning("Database not reachable yet (attempt {Attempt}): {Message}", attempt, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
            }
        }
    }

    private static bool IsTransient(Exception ex) =>
        ex is Microsoft.Data.SqlClient.SqlException or TimeoutException or InvalidOperationException { InnerException: Microsoft.Data.SqlClient.SqlException }
            || ex.InnerException is Microsoft.Data.SqlClient.SqlException;
}
