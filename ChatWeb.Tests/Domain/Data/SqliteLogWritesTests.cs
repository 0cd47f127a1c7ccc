using System.Runtime.CompilerServices;
using ChatWeb.Domain.Data.Sqlite;
using ChatWeb.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ChatWeb.Tests.Domain.Data;

/// <summary>
/// The gathered log writes run under every SQLite test in this process once installed; these check
/// what they promise: fewer writes, and every commit in the file before the commit returns, for
/// other connections and for a copy of the files taken at any moment (what a crash leaves).
/// </summary>
public sealed class SqliteLogWritesTests
{
    private const int RowsPerTransaction = 8;

    [Fact]
    public void Install_WritesEachTransactionsLogFramesInOneCall()
    {
        Assert.SkipUnless(SqliteLogWrites.Install(), "Installed on 64-bit Linux only.");
        using var file = new TempDatabaseFile();
        using var connection = OpenLogged(file.ConnectionString);

        // SQLite runs on the calling thread, so this thread's write calls are its writes.
        var before = ThreadWriteCalls();
        for (var i = 0; i < 50; i++)
        {
            InsertBatch(connection, i);
        }
        var calls = ThreadWriteCalls() - before;

        // Each commit writes several pages (the table's, its index's, the counter's): as two calls
        // per frame that would be well over 200.
        Assert.InRange(calls, 50, 60);
    }

    [Fact]
    public async Task EveryCommit_IsInTheFilesBeforeItReturns_ForReadersAndForACopyTakenThen()
    {
        Assert.SkipUnless(SqliteLogWrites.Install(), "Installed on 64-bit Linux only.");
        using var file = new TempDatabaseFile();
        using var writer = OpenLogged(file.ConnectionString);
        var ct = TestContext.Current.CancellationToken;

        var committed = 0;
        var reads = new StrongBox<int>();
        using var done = new CancellationTokenSource();
        var reader = Task.Run(() => ReadUntil(file.ConnectionString, () => Volatile.Read(ref committed), reads, done.Token), ct);
        // Every third commit waits for the reader to finish one more read, so reads fall between
        // commits however the machine schedules the two. (Writing on until the reader had read
        // enough let a starved reader face an ever larger table and log, and fall further behind.)
        var batches = 0;
        while (batches < 300)
        {
            InsertBatch(writer, batches);
            Volatile.Write(ref committed, ++batches);
            if (batches % 3 == 0)
            {
                var seen = Volatile.Read(ref reads.Value);
                SpinWait.SpinUntil(() => Volatile.Read(ref reads.Value) > seen || reader.IsCompleted, TimeSpan.FromSeconds(10));
            }
        }
        await done.CancelAsync();
        await reader;

        Assert.True(reads.Value >= 100, $"The reader read {reads.Value} times during {batches} commits.");
        AssertCopyHolds(file.Path, batches);
    }

    [Fact]
    public void ATransactionLargerThanThePageCache_AndTheCommitsAfterIt_StayWhole()
    {
        Assert.SkipUnless(SqliteLogWrites.Install(), "Installed on 64-bit Linux only.");
        using var file = new TempDatabaseFile();
        using var connection = OpenLogged(file.ConnectionString);
        // Ten pages of cache: the big transaction spills frames to the log before its commit, then
        // rewrites some of them in place and SQLite re-checksums the frames after.
        Execute(connection, "PRAGMA cache_size = 10;");
        using (var tx = connection.BeginTransaction())
        {
            for (var i = 0; i < 40; i++)
            {
                InsertBatch(connection, i, tx);
            }
            tx.Commit();
        }
        for (var i = 40; i < 60; i++)
        {
            InsertBatch(connection, i);
        }

        AssertCopyHolds(file.Path, 60);
    }

    private static SqliteConnection OpenLogged(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute(connection,
            """
            PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; PRAGMA synchronous = NORMAL;
            CREATE TABLE t (batch INTEGER NOT NULL, v TEXT NOT NULL);
            CREATE INDEX t_v ON t (v);
            CREATE TABLE counter (batches INTEGER NOT NULL);
            INSERT INTO counter VALUES (0);
            """);
        return connection;
    }

    /// <summary>One batch: rows spread over the table and a random-keyed index, and the counter moved.</summary>
    private static void InsertBatch(SqliteConnection connection, int batch, SqliteTransaction? outer = null)
    {
        var tx = outer ?? connection.BeginTransaction();
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO t VALUES ($batch, $v)";
            var b = insert.Parameters.Add("$batch", SqliteType.Integer);
            var v = insert.Parameters.Add("$v", SqliteType.Text);
            for (var i = 0; i < RowsPerTransaction; i++)
            {
                b.Value = batch;
                v.Value = Guid.NewGuid().ToString("N") + new string('x', 400);
                insert.ExecuteNonQuery();
            }
        }
        Execute(connection, "UPDATE counter SET batches = batches + 1", tx);
        if (outer is null)
        {
            tx.Commit();
            tx.Dispose();
        }
    }

    /// <summary>Reads until cancelled; in each read transaction the rows must match the counter, and never lag a commit already returned.</summary>
    private static void ReadUntil(string connectionString, Func<int> committed, StrongBox<int> reads, CancellationToken stop)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        while (!stop.IsCancellationRequested)
        {
            var returned = committed();
            using var tx = connection.BeginTransaction(deferred: true);
            var batches = Scalar(connection, "SELECT batches FROM counter", tx);
            var rows = Scalar(connection, "SELECT count(*) FROM t", tx);
            var sum = Scalar(connection, "SELECT coalesce(sum(batch), 0) FROM t", tx);
            Assert.Equal(batches * RowsPerTransaction, rows);
            Assert.Equal(RowsPerTransaction * batches * (batches - 1) / 2, sum);
            Assert.True(batches >= returned, $"A reader saw {batches} batches after {returned} had committed.");
            Interlocked.Increment(ref reads.Value);
        }
    }

    /// <summary>The database and its log as the OS has them now, copied and opened elsewhere: what a crash would leave.</summary>
    private static void AssertCopyHolds(string path, int batches)
    {
        using var copy = new TempDatabaseFile();
        File.Copy(path, copy.Path);
        File.Copy(path + "-wal", copy.Path + "-wal");
        using var connection = new SqliteConnection(copy.ConnectionString);
        connection.Open();
        using (var check = connection.CreateCommand())
        {
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", check.ExecuteScalar());
        }
        Assert.Equal(batches, Scalar(connection, "SELECT batches FROM counter"));
        Assert.Equal(batches * RowsPerTransaction, Scalar(connection, "SELECT count(*) FROM t"));
        Assert.Equal(batches, Scalar(connection, "SELECT count(DISTINCT batch) FROM t"));
    }

    private static long ThreadWriteCalls()
    {
        var line = File.ReadLines("/proc/thread-self/io").First(l => l.StartsWith("syscw:", StringComparison.Ordinal));
        return long.Parse(line["syscw:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static long Scalar(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        command.ExecuteNonQuery();
    }
}
