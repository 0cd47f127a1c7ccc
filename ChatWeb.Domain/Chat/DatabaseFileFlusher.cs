using System.Collections.Concurrent;
using Microsoft.Win32.SafeHandles;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// Flushes a SQLite database file to disk from outside SQLite. Each file is opened once and its
/// handle kept until the process ends: on POSIX systems closing any descriptor of a file drops
/// every lock the process holds on it, SQLite connections' locks included, so a handle opened
/// and closed beside live connections could let two writers in at once.
/// </summary>
internal static class DatabaseFileFlusher
{
    private static readonly ConcurrentDictionary<string, SafeFileHandle> Handles = new(StringComparer.Ordinal);

    public static void Flush(string path) =>
        RandomAccess.FlushToDisk(Handles.GetOrAdd(Path.GetFullPath(path), static p =>
            File.OpenHandle(p, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete)));
}
