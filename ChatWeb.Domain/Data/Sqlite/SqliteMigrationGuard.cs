using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChatWeb.Domain.Data.Sqlite;

/// <summary>
/// Applies migrations to a SQLite file so that a process killed while doing it cannot stop later starts.
/// SQLite has no lock that dies with its holder, so EF Core locks migrations with a row in
/// <c>__EFMigrationsLock</c>; a process killed while holding it leaves the row behind and every later
/// migration waits for it forever (EF Core's documented remedy: delete that table). Here every migrating
/// process first takes an exclusive lock on a file beside the database, which the operating system
/// releases when its holder dies. Whoever holds that file lock knows no live process is migrating, so a
/// lock row it finds is a dead process's and is dropped before migrating.
/// </summary>
internal static class SqliteMigrationGuard
{
    private const string LockTable = "__EFMigrationsLock";
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);

    public static async Task MigrateAsync(ChatDbContext db, ILogger logger, CancellationToken ct)
    {
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        if (file.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(file.DataSource) || file.DataSource.StartsWith(':'))
        {
            // A private in-memory database: no other process can hold it, or die holding it.
            await db.Database.MigrateAsync(ct);
            return;
        }

        await using var guard = await AcquireAsync(file.DataSource + ".migrations.lock", logger, ct);
        if (await DropStaleLockAsync(db, ct))
        {
            logger.LogWarning("Removed the migration lock that a stopped process left in {Table}; applying migrations.", LockTable);
        }
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>Opens the lock file exclusively (on Linux an flock, released by the kernel when the holder exits), waiting for another migrating process.</summary>
    private static async Task<FileStream> AcquireAsync(string path, ILogger logger, CancellationToken ct)
    {
        var waiting = false;
        while (true)
        {
            try
            {
                // Never deleted: a waiter could otherwise lock a file that another process just replaced.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (!ct.IsCancellationRequested)
            {
                if (!waiting)
                {
                    logger.LogInformation("Another process is applying migrations to this database; waiting for it.");
                    waiting = true;
                }
                await Task.Delay(RetryDelay, ct);
            }
        }
    }

    private static async Task<bool> DropStaleLockAsync(ChatDbContext db, CancellationToken ct)
    {
        var tables = await db.Database.SqlQueryRaw<long>(
            "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {0}", LockTable).SingleAsync(ct);
        if (tables == 0)
        {
            return false;
        }
        var rows = await db.Database.SqlQueryRaw<long>($"SELECT COUNT(*) AS \"Value\" FROM \"{LockTable}\"").SingleAsync(ct);
        await db.Database.ExecuteSqlRawAsync($"DROP TABLE \"{LockTable}\"", ct);
        return rows > 0;
    }
}
