using Microsoft.Data.Sqlite;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file on a thread and connection of its
/// own. Left to SQLite, the copy runs inside whichever commit takes the log past 1,000 pages: on
/// the send path that held a commit, and every sender in its batch, for 5–10 ms several times a
/// second. A PASSIVE checkpoint never blocks the writer; it copies what no reader still needs,
/// and the log starts over once all of it has been copied.
/// </summary>
internal sealed class SqliteCheckpointer : IDisposable
{
    /// <summary>Often enough that the log stays a few megabytes under full load.</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly SqliteConnection connection;
    private readonly ManualResetEventSlim stopping = new();
    private readonly Thread thread;

    public SqliteCheckpointer(string connectionString)
    {
        connection = new SqliteConnection(connectionString);
        connection.Open();
        thread = new Thread(Run) { IsBackground = true, Name = "ChatWeb WAL checkpointer" };
        thread.Start();
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
            }
            catch (SqliteException)
            {
                // Busy or an I/O hiccup: the next round copies what this one did not. Should this
                // thread fall behind for good, the writer's own, higher threshold still caps the log.
            }
        }
    }
}
