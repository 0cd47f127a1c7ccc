using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChatWeb.Domain.Data;

/// <summary>Applies migrations at start-up, waiting for a database server that is still starting.</summary>
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
                await db.Database.MigrateAsync(ct);
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
