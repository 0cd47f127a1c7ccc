using Microsoft.Data.Sqlite;

namespace ChatWeb.Domain.Data.Sqlite;

/// <summary>SQLite's result codes, as the send path and the services act on them.</summary>
internal static class SqliteErrors
{
    // Extended result codes: a unique index, or a primary key. Other constraint failures (a foreign
    // key, NOT NULL, CHECK) share the primary code 19 and are real errors, not a lost race.
    private const int UniqueConstraint = 2067;
    private const int PrimaryKeyConstraint = 1555;

    // Primary result codes: another connection held a lock past the busy timeout, or the disk
    // failed an operation. Nothing of the transaction was kept.
    private const int Busy = 5;
    private const int Locked = 6;
    private const int IoError = 10;

    public static bool IsUniqueViolation(SqliteException ex) =>
        ex.SqliteExtendedErrorCode is UniqueConstraint or PrimaryKeyConstraint;

    public static bool IsTransient(SqliteException ex) =>
        ex.SqliteErrorCode is Busy or Locked or IoError;
}
