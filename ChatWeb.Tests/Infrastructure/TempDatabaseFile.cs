using Microsoft.Data.Sqlite;

namespace ChatWeb.Tests.Infrastructure;

/// <summary>
/// A SQLite file of its own under the temp folder, deleted (with its WAL side files) on dispose.
/// A real file rather than an in-memory database, so tests see the same locking and WAL behaviour as the app.
/// </summary>
public sealed class TempDatabaseFile : IDisposable
{
    public TempDatabaseFile()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "chatweb-tests");
        Directory.CreateDirectory(folder);
        Path = System.IO.Path.Combine(folder, $"{Guid.NewGuid():N}.db");
    }

    public string Path { get; }

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path }.ToString();

    public void Dispose()
    {
        // Pooled connections keep the file open; release them before deleting.
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(Path + suffix);
        }
    }
}
