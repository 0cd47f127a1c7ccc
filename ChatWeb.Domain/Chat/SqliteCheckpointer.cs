using Microsoft.Data.Sqlite;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file on a thread and connection of its
/// own, once a second, while the writer goes on committing: a PASSIVE checkpoint never blocks a
/// writer. What it cannot finish is what was committed while it ran; the writer copies that small
/// rest itself (<see cref="PassCompleted"/>), after which the log starts over from its beginning.
/// </summary>
internal sealed class SqliteCheckpointer : IDisposable
{
    /// <summary>
    /// Long enough that each busy thread's hot index pages were rewritten many times in between
    /// and are copied once; short enough that the log stays a few megabytes.
    /// </summary>
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly SqliteConnection connection;
    private readonly ManualResetEventSlim stopping = new();
    private readonly Thread thread;
    private volatile bool passCompleted;

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
                checkpoint.ExecuteNonQuery();
                passCompleted = true;
            }
            catch (SqliteException)
            {
                // Busy or an I/O hiccup: the next pass copies what this one did not, and the
                // writer's own fallback keeps the log bounded meanwhile.
            }
        }
    }
}
