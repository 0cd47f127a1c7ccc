using System.Collections.Concurrent;
using Microsoft.Win32.SafeHandles;

namespace ChatWeb.Domain.Data.Sqlite;

/// <summary>
/// Flushes a SQLite database's files to disk from outside SQLite. A database file is opened once
/// and its handle kept until the process ends: on POSIX systems closing any descriptor of a file
/// drops every lock the process holds on it, SQLite connections' locks included, so a handle
/// opened and closed beside live connections could let two writers in at once.
/// </summary>
internal static class DatabaseFileFlusher
{
    private static readonly ConcurrentDictionary<string, SafeFileHandle> Handles = new(StringComparer.Ordinal);

    public static void Flush(string path) =>
        RandomAccess.FlushToDisk(Handles.GetOrAdd(Path.GetFullPath(path), static p =>
            File.OpenHandle(p, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete)));

    /// <summary>
    /// Flushes the database's write-ahead log. SQLite locks the log through its shared-memory file,
    /// never the log itself, so the log is opened afresh each time: a kept handle would go on
    /// flushing a log SQLite had since deleted and created anew, and confirm nothing.
    /// </summary>
    public static void FlushLog(string databasePath)
    {
        SafeFileHandle log;
        try
        {
            log = File.OpenHandle(databasePath + "-wal", FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (FileNotFoundException)
        {
            // SQLite deletes the log only once it is copied into the database file and that file
            // flushed (the last connection closing): nothing in it is left to flush.
            return;
        }
        using (log)
        {
            RandomAccess.FlushToDisk(log);
        }
    }
}
