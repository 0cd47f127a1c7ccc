using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace ChatWeb.Domain.Data.Sqlite;

/// <summary>
/// Lets SQLite itself wait, briefly and often, for a lock another connection holds (its
/// documented busy timeout), on every connection EF opens. Left alone, SQLite answers "busy" at
/// once and Microsoft.Data.Sqlite retries the statement after sleeping 150 ms. Inside one process
/// that rarely happens; with two nodes on one file it is how their message writers take turns, and
/// each turn cost a writer 150 ms. SQLite's own wait retries within milliseconds, so a writer
/// starts soon after the other commits: bursts of 600 sends from twenty people on two nodes took
/// a median 1.3 s with it and 2.3 s without (eight bursts each, on a busy two-core machine).
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    /// <summary>Past this SQLite answers "busy", and Microsoft.Data.Sqlite's own retries (up to the command timeout) take over.</summary>
    private const int WaitMilliseconds = 5_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // A setting of the native connection, so it costs no statement; a pooled connection keeps it anyway.
    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            raw.sqlite3_busy_timeout(handle, WaitMilliseconds);
        }
    }
}
