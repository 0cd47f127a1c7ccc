using System.Runtime.InteropServices;

namespace ChatWeb.Domain.Data.Sqlite;

/// <summary>
/// Lets SQLite write a transaction's log frames to its write-ahead log in one system call instead
/// of two per frame. SQLite writes each frame as a 24-byte header and then its page, so a commit of
/// ten pages is twenty <c>pwrite</c> calls; on the message writer that was most of its kernel time
/// (8 to 9 calls per message). Here the frames of a transaction gather in memory and go to the
/// file in one call when SQLite writes the frame that commits it, inside that same write: SQLite
/// only publishes a commit to other connections (in the log's shared index) after its frames are
/// written, and a failed write fails the commit as it would have before.
/// </summary>
/// <remarks>
/// It works through SQLite's documented hook for replacing the system calls of its "unix" file
/// layer (<c>xSetSystemCall</c>), so it applies to every SQLite connection in the process, and only
/// to files named <c>*-wal</c>. Anything that is not the plain header-then-page pattern (the log's
/// own header, a sync split, a read, a size check, a truncation) first writes out whatever is
/// gathered. SQLite rewrites frames in place only in a transaction too large for its page cache;
/// a log handle that sees that writes straight through from then on, so the checksums SQLite then
/// rewrites are never held back. Installed on 64-bit Linux only; elsewhere SQLite is left as it is.
/// </remarks>
internal static unsafe class SqliteLogWrites
{
    private const int FrameHeaderSize = 24;
    private const int SqliteOk = 0;
    private const int EINTR = 4;

    // The frames of one transaction are gathered up to this size; a larger one is written in slices.
    private const int MaxGathered = 1 << 20;

    private static readonly Lock Gate = new();
    private static LogHandle?[] handles = new LogHandle?[256];
    private static bool installed;

    // SQLite's own system calls, as found before they were replaced.
    private static delegate* unmanaged<byte*, int, int, int> open;
    private static delegate* unmanaged<int, int> close;
    private static delegate* unmanaged<int, byte*, nuint, long, nint> pread;
    private static delegate* unmanaged<int, byte*, nuint, long, nint> pwrite;
    private static delegate* unmanaged<int, long, int> ftruncate;
    private static delegate* unmanaged<int, void*, int> fstat;

    /// <summary>Replaces the calls once per process; true if they are (or already were) replaced.</summary>
    public static bool Install()
    {
        lock (Gate)
        {
            if (installed)
            {
                return true;
            }
            if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess)
            {
                return false;
            }
            var vfs = FindUnixVfs();
            // Only a build that reads and writes files through pread and pwrite (64-bit offsets on
            // 64-bit Linux) is one whose every log access passes through here; the bundled one does.
            if (vfs is null || vfs->iVersion < 3 || SystemCall(vfs, "pread64") != null || SystemCall(vfs, "pwrite64") != null)
            {
                return false;
            }
            pread = (delegate* unmanaged<int, byte*, nuint, long, nint>)SystemCall(vfs, "pread");
            pwrite = (delegate* unmanaged<int, byte*, nuint, long, nint>)SystemCall(vfs, "pwrite");
            ftruncate = (delegate* unmanaged<int, long, int>)SystemCall(vfs, "ftruncate");
            fstat = (delegate* unmanaged<int, void*, int>)SystemCall(vfs, "fstat");
            close = (delegate* unmanaged<int, int>)SystemCall(vfs, "close");
            open = (delegate* unmanaged<byte*, int, int, int>)SystemCall(vfs, "open");
            if (pread == null || pwrite == null || ftruncate == null || fstat == null || close == null || open == null)
            {
                return false;
            }
            // "open" last, so that no log handle is tracked before every other call is in place.
            if (!Replace(vfs, "pread", (delegate* unmanaged<int, byte*, nuint, long, nint>)&PositionalRead)
                || !Replace(vfs, "pwrite", (delegate* unmanaged<int, byte*, nuint, long, nint>)&PositionalWrite)
                || !Replace(vfs, "ftruncate", (delegate* unmanaged<int, long, int>)&Truncate)
                || !Replace(vfs, "fstat", (delegate* unmanaged<int, void*, int>)&Stat)
                || !Replace(vfs, "close", (delegate* unmanaged<int, int>)&Close)
                || !Replace(vfs, "open", (delegate* unmanaged<byte*, int, int, int>)&Open))
            {
                // A null name puts every call back as SQLite had it.
                vfs->xSetSystemCall(vfs, null, null);
                return false;
            }
            installed = true;
            return true;
        }
    }

    private static Vfs* FindUnixVfs()
    {
        try
        {
            // The default VFS on Unix is "unix"; its system-call table is shared by its variants.
            return sqlite3_vfs_find(null);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static void* SystemCall(Vfs* vfs, string name)
    {
        fixed (byte* z = CString(name))
        {
            return vfs->xGetSystemCall(vfs, z);
        }
    }

    private static bool Replace(Vfs* vfs, string name, void* replacement)
    {
        fixed (byte* z = CString(name))
        {
            return vfs->xSetSystemCall(vfs, z, replacement) == SqliteOk;
        }
    }

    private static byte[] CString(string name) => System.Text.Encoding.UTF8.GetBytes(name + "\0");

    private static LogHandle? Tracked(int fd)
    {
        var table = Volatile.Read(ref handles);
        return (uint)fd < (uint)table.Length ? table[fd] : null;
    }

    [UnmanagedCallersOnly]
    private static int Open(byte* path, int flags, int mode)
    {
        var fd = open(path, flags, mode);
        if (fd >= 0 && IsLog(path))
        {
            lock (Gate)
            {
                if (fd >= handles.Length)
                {
                    var grown = new LogHandle?[Math.Max(fd + 1, handles.Length * 2)];
                    handles.CopyTo(grown, 0);
                    Volatile.Write(ref handles, grown);
                }
                handles[fd] = new LogHandle(fd);
            }
        }
        return fd;
    }

    private static bool IsLog(byte* path)
    {
        var name = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(path);
        return name.EndsWith("-wal"u8);
    }

    [UnmanagedCallersOnly]
    private static int Close(int fd)
    {
        if (Tracked(fd) is { } log)
        {
            // Whatever is still gathered was never committed (a rolled-back spill); write it anyway,
            // as SQLite itself would have, then forget the handle before the number can be reused.
            log.WriteGathered();
            lock (Gate)
            {
                handles[fd] = null;
            }
        }
        return close(fd);
    }

    [UnmanagedCallersOnly]
    private static nint PositionalWrite(int fd, byte* data, nuint count, long offset) =>
        Tracked(fd) is { } log ? log.Write(data, count, offset) : pwrite(fd, data, count, offset);

    [UnmanagedCallersOnly]
    private static nint PositionalRead(int fd, byte* data, nuint count, long offset) =>
        Tracked(fd)?.WriteGathered() == false ? -1 : pread(fd, data, count, offset);

    [UnmanagedCallersOnly]
    private static int Truncate(int fd, long length) =>
        Tracked(fd)?.WriteGathered() == false ? -1 : ftruncate(fd, length);

    [UnmanagedCallersOnly]
    private static int Stat(int fd, void* buffer) =>
        Tracked(fd)?.WriteGathered() == false ? -1 : fstat(fd, buffer);

    /// <summary>One open log file: the frames gathered since the last write to the file.</summary>
    /// <remarks>SQLite calls a file from one thread at a time (its connection's), so there is no lock here.</remarks>
    private sealed class LogHandle(int fd)
    {
        // Empty until the first frame: most connections only ever read the log.
        private byte[] gathered = [];
        private long start;
        private int length;
        private bool awaitingPage;
        private bool awaitingCommitPage;
        private bool writeThrough;

        public nint Write(byte* data, nuint count, long offset)
        {
            if (!writeThrough)
            {
                if (count == FrameHeaderSize && !awaitingPage)
                {
                    if ((length > 0 && offset != start + length) || length + FrameHeaderSize > MaxGathered)
                    {
                        if (!WriteGathered())
                        {
                            return -1;
                        }
                    }
                    Gather(data, FrameHeaderSize, offset);
                    awaitingPage = true;
                    // Bytes 4-7 of a frame header: the database's size in pages after a commit, 0 otherwise.
                    awaitingCommitPage = (data[4] | data[5] | data[6] | data[7]) != 0;
                    return FrameHeaderSize;
                }
                if (awaitingPage && offset == start + length && count > FrameHeaderSize && length + (long)count <= MaxGathered)
                {
                    Gather(data, (int)count, offset);
                    awaitingPage = false;
                    return !awaitingCommitPage || WriteGathered() ? (nint)count : -1;
                }
                // Anything else is written through, after what is gathered. A page written anywhere
                // but after its header is SQLite rewriting a frame in place, which it follows with
                // header-only checksum rewrites that no page would ever come after to write them
                // out: from then on this handle gathers nothing. (The log's own 32-byte header, at
                // offset 0, is not such a rewrite.)
                writeThrough = count > FrameHeaderSize && offset > 0 && !awaitingPage;
            }
            return WriteGathered() ? pwrite(fd, data, count, offset) : -1;
        }

        /// <summary>Writes out what is gathered; false with the system's error number left in errno.</summary>
        public bool WriteGathered()
        {
            awaitingPage = false;
            var written = 0;
            fixed (byte* buffer = gathered)
            {
                while (written < length)
                {
                    var n = pwrite(fd, buffer + written, (nuint)(length - written), start + written);
                    if (n < 0)
                    {
                        var errno = Marshal.GetLastSystemError();
                        if (errno == EINTR)
                        {
                            continue;
                        }
                        length = 0;
                        Marshal.SetLastSystemError(errno);
                        return false;
                    }
                    written += (int)n;
                }
            }
            length = 0;
            return true;
        }

        private void Gather(byte* data, int count, long offset)
        {
            if (length == 0)
            {
                start = offset;
            }
            if (length + count > gathered.Length)
            {
                Array.Resize(ref gathered, Math.Min(MaxGathered, Math.Max(Math.Max(gathered.Length * 2, 64 * 1024), length + count)));
            }
            new ReadOnlySpan<byte>(data, count).CopyTo(gathered.AsSpan(length));
            length += count;
        }
    }

    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
    private static extern Vfs* sqlite3_vfs_find(byte* name);

    /// <summary>The start of SQLite's <c>sqlite3_vfs</c>, up to the version 3 fields used here.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Vfs
    {
        public int iVersion;
        public int szOsFile;
        public int mxPathname;
        public IntPtr pNext, zName, pAppData;
        public IntPtr xOpen, xDelete, xAccess, xFullPathname, xDlOpen, xDlError, xDlSym, xDlClose;
        public IntPtr xRandomness, xSleep, xCurrentTime, xGetLastError, xCurrentTimeInt64;
        public delegate* unmanaged<Vfs*, byte*, void*, int> xSetSystemCall;
        public delegate* unmanaged<Vfs*, byte*, void*> xGetSystemCall;
        public IntPtr xNextSystemCall;
    }
}
