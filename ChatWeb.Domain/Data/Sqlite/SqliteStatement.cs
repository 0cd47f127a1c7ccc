using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ChatWeb.Domain.Data.Sqlite;

/// <summary>
/// One statement prepared once on a connection's native handle and run many times: bind by
/// position, step, reset. The send path runs a handful of these per message; through
/// <see cref="SqliteCommand"/> each run also built a reader, a binder per parameter and a UTF-8
/// copy of every string, which profiling showed as the larger part of the writer's managed time and
/// of the whole server's allocations. Text is bound from stack buffers and copied by SQLite.
/// Errors surface as <see cref="SqliteException"/> with SQLite's extended code, as the command would.
/// </summary>
/// <remarks>
/// Public ground only: the connection's <see cref="SqliteConnection.Handle"/>, which
/// Microsoft.Data.Sqlite documents for calling SQLite directly ("native interop"), and SQLitePCLRaw's
/// bindings of SQLite's documented C API (<c>sqlite3_prepare_v3</c>, <c>bind</c>, <c>step</c>,
/// <c>reset</c>, <c>column</c>). The statements run inside the transactions the connection begins.
/// </remarks>
internal sealed class SqliteStatement : IDisposable
{
    /// <summary>How EF writes a date on this provider, so rows read the same whichever path wrote them.</summary>
    public const string DateFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    private const int StackLimit = 512;

    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        db = connection.Handle ?? throw new InvalidOperationException("The connection must be open.");
        var rc = raw.sqlite3_prepare_v3(db, sql, raw.SQLITE_PREPARE_PERSISTENT, out statement);
        Check(rc);
    }

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(statement, index, value));

    public void Bind(int index, string value)
    {
        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetBytes(value, buffer);
            Check(raw.sqlite3_bind_text(statement, index, buffer[..written]));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>A GUID as EF stores it on SQLite: upper-case text with hyphens.</summary>
    public void Bind(int index, Guid value)
    {
        Span<byte> text = stackalloc byte[36];
        value.TryFormat(text, out _, "D");
        Ascii.ToUpperInPlace(text, out _);
        Check(raw.sqlite3_bind_text(statement, index, text));
    }

    /// <summary>A GUID, or NULL.</summary>
    public void Bind(int index, Guid? value)
    {
        if (value is { } id)
        {
            Bind(index, id);
        }
        else
        {
            Check(raw.sqlite3_bind_null(statement, index));
        }
    }

    /// <summary>A UTC time in the text format EF uses for this provider.</summary>
    public void Bind(int index, DateTime utc)
    {
        Span<byte> text = stackalloc byte[64];
        utc.TryFormat(text, out var written, DateFormat, CultureInfo.InvariantCulture);
        Check(raw.sqlite3_bind_text(statement, index, text[..written]));
    }

    /// <summary>Steps once: true with a row to read, false when the statement is done.</summary>
    public bool Read()
    {
        var rc = raw.sqlite3_step(statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }
        if (rc != raw.SQLITE_DONE)
        {
            try
            {
                Check(rc);
            }
            finally
            {
                // After the error is read, so the statement can run again.
                raw.sqlite3_reset(statement);
            }
        }
        return false;
    }

    /// <summary>Runs a statement that returns no rows, resets it, and returns how many rows it changed.</summary>
    public int Execute()
    {
        try
        {
            while (Read())
            {
            }
            return raw.sqlite3_changes(db);
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Readies the statement for its next run; call after reading what was wanted.</summary>
    public void Reset() => raw.sqlite3_reset(statement);

    public bool IsNull(int column) => raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL;

    public long GetInt64(int column) => raw.sqlite3_column_int64(statement, column);

    public string GetString(int column) => raw.sqlite3_column_text(statement, column).utf8_to_string();

    public string? GetStringOrNull(int column) => IsNull(column) ? null : GetString(column);

    public Guid GetGuid(int column) => Guid.Parse(raw.sqlite3_column_blob(statement, column));

    /// <summary>A time EF stored as text, read back as UTC.</summary>
    public DateTime GetUtc(int column) =>
        DateTime.SpecifyKind(DateTime.Parse(GetString(column), CultureInfo.InvariantCulture), DateTimeKind.Utc);

    public void Dispose() => statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }
}
