using ChatWeb.Domain.Chat;
using Microsoft.Data.Sqlite;

namespace ChatWeb.Domain.Data.Sqlite;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file on a thread and connection of its
/// own, once a second, while the writer goes on committing: a PASSIVE checkpoint never blocks a
/// writer. What it cannot finish is what was committed while it ran; the writer copies that small
/// rest itself (<see cref="PassCompleted"/>), after which the log starts over from its beginning.
/// </summary>
/// <remarks>
/// SQLite flushes the database file only in a checkpoint that reaches the log's end, which is the
/// writer's. Left so, the writer's small copy paid for flushing every page this thread had copied
/// (megabytes of scattered pages, 10–18 ms at 5,000 messages/s) while its senders waited. So this
/// thread flushes what it copied, and goes round again while a pass leaves much behind, until
/// the writer's rest is a few hundred pages.
/// </remarks>
internal sealed class SqliteCheckpointer : IDisposable
{
    /// <summary>
    /// Long enough that each busy thread's hot index pages were rewritten many times in between
    /// and are copied once; short enough that the log stays a few megabytes.
    /// </summary>
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>Frames a pass may leave for the writer; more, and the thread goes round again (a few times at most).</summary>
    private const long SmallRest = 256;
    private const int MaxRounds = 4;

    private readonly SqliteConnection connection;
    private readonly ManualResetEventSlim stopping = new();
    private readonly Thread thread;
    private volatile bool passCompleted;

    // What the log had copied at the last flush, so an idle database is not flushed every second.
    private long flushedUpTo = -1;

    public SqliteCheckpointer(string connectionString)
    {
        connection = new SqliteConnection(connectionString);
        connection.Open();
        thread = new Thread(Run) { IsBackground = true, Name = "ChatWeb WAL checkpointer" };
        thread.Start();
    }

    /// <summary>True once after each pass: the writer's cue to copy the rest.</summary>
    public bool PassCompleted()
    {
        if (!passCompleted)
        {
            return false;
        }
        passCompleted = false;
        return true;
    }

    public void Dispose()
    {
        stopping.Set();
        thread.Join(TimeSpan.FromSeconds(10));
        connection.Dispose();
        stopping.Dispose();
    }

    private void Run()
    {
        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        while (!stopping.Wait(Interval))
        {
            try
            {
                var started = SendPathEvents.Log.Start();
                CopyMostOfTheLog(checkpoint);
                passCompleted = true;
                if (started != 0)
                {
                    SendPathEvents.Log.CheckpointCopied(byWriter: false, SendPathEvents.Elapsed(started));
                }
            }
            catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
            {
                // Busy or an I/O hiccup: the next pass copies what this one did not, and the
                // writer's own fallback keeps the log bounded meanwhile.
            }
        }
    }

    private void CopyMostOfTheLog(SqliteCommand checkpoint)
    {
        long? copiedBefore = null;
        for (var round = 0; round < MaxRounds; round++)
        {
            var copied = CopiedSoFar(checkpoint);
            if (copied != flushedUpTo)
            {
                DatabaseFileFlusher.Flush(connection.DataSource);
                flushedUpTo = copied;
            }
            if (copiedBefore is { } before && copied - before <= SmallRest)
            {
                return;
            }
            copiedBefore = copied;
        }
    }

    /// <summary>Runs a pass; SQLite answers with one row: busy, frames in the log, frames copied so far.</summary>
    private static long CopiedSoFar(SqliteCommand checkpoint)
    {
        using var result = checkpoint.ExecuteReader();
        return result.Read() ? result.GetInt64(2) : 0;
    }
}
