using System.Diagnostics;
using ChatWeb.Bench.Seeding;
using Microsoft.Data.Sqlite;
using ChatWeb.Bench.Load;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Bench.Storage;

/// <summary>Insert rates, and the latency of a one-row commit: the floor under every acknowledged send.</summary>
internal sealed record RawInsertResult(double SingleRowPerSecond, double BatchedPerSecond, int BatchSize, string Pragmas, LatencySummary Commit);

/// <summary>
/// The storage engine's own ceiling: plain Microsoft.Data.Sqlite inserts into the same schema
/// (same migrations, so the same indexes and foreign keys), opened with the same connection string
/// as the server and switched to WAL as the server's initializer does. One row per transaction is
/// what a per-message commit can reach; a batch per transaction is what group commit can reach.
/// </summary>
internal static class RawSqliteInsert
{
    public const int BatchSize = 100;

    public static async Task<RawInsertResult> RunAsync(string dbPath, TimeSpan duration)
    {
        var connectionString = $"Data Source={dbPath}";
        var (threadId, senderId) = await PrepareAsync(connectionString);

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var pragmas = $"journal_mode={Pragma(connection, "journal_mode")}, synchronous={Pragma(connection, "synchronous")}, foreign_keys={Pragma(connection, "foreign_keys")}";

        var next = 0L;
        var commits = LatencySummary.NewHistogram();
        var single = Measure(connection, duration, 1, threadId, senderId, ref next, commits);
        var batched = Measure(connection, duration, BatchSize, threadId, senderId, ref next, null);
        var commit = LatencySummary.From(commits);
        Console.WriteLine($"  raw SQLite ({pragmas}): {single:F0} rows/s one per transaction (commit p50 {commit.P50:F1} p99 {commit.P99:F1} ms), {batched:F0} rows/s {BatchSize} per transaction");
        return new RawInsertResult(single, batched, BatchSize, pragmas, commit);
    }

    private static double Measure(
        SqliteConnection connection, TimeSpan duration, int perTransaction, string threadId, string senderId, ref long next, HdrHistogram.HistogramBase? commits)
    {
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO Messages (Id, ThreadId, Seq, Version, SenderId, Body, ClientMessageId, SentAt) VALUES ($id, $thread, $seq, $seq, $sender, $body, $client, $sentAt)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        insert.Parameters.AddWithValue("$thread", threadId);
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        insert.Parameters.AddWithValue("$sender", senderId);
        insert.Parameters.AddWithValue("$body", Load.OpenLoop.Body);
        var client = insert.Parameters.Add("$client", SqliteType.Text);
        var sentAt = insert.Parameters.Add("$sentAt", SqliteType.Text);

        var rows = 0;
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < duration)
        {
            // BeginTransaction() is BEGIN IMMEDIATE, as on the server's send path.
            using var tx = connection.BeginTransaction();
            insert.Transaction = tx;
            for (var i = 0; i < perTransaction; i++)
            {
                var n = ++next;
                id.Value = HistoryRows.GuidText(Guid.CreateVersion7());
                seq.Value = n;
                client.Value = $"raw-{n}";
                sentAt.Value = DateTime.UtcNow;
                insert.ExecuteNonQuery();
            }
            var committing = Stopwatch.GetTimestamp();
            tx.Commit();
            commits?.RecordValue(Math.Max(1, (long)Stopwatch.GetElapsedTime(committing).TotalMicroseconds));
            rows += perTransaction;
        }
        return rows / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task<(string ThreadId, string SenderId)> PrepareAsync(string connectionString)
    {
        await using var db = BenchDb.Open(connectionString);
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        var user = new Domain.Entities.ChatUser { UserName = "raw@bench.test", NormalizedUserName = "RAW@BENCH.TEST", Email = "raw@bench.test" };
        var thread = new Domain.Entities.ChatThread { Kind = Domain.Entities.ThreadKind.Group, Title = "raw", CreatedAt = DateTime.UtcNow };
        db.AddRange(user, thread);
        await db.SaveChangesAsync();
        return (HistoryRows.GuidText(thread.Id), user.Id);
    }

    private static string Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "?";
    }
}
