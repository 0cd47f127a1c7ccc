using System.Collections.Frozen;
using Microsoft.Data.SqlClient;

namespace ChatWeb.Domain.Data.SqlServer;

/// <summary>SQL Server's error numbers, as the send path and the services act on them.</summary>
internal static class SqlServerErrors
{
    public const int UniqueIndex = 2601;
    public const int UniqueConstraint = 2627;
    public const int DeadlockVictim = 1205;

    /// <summary>
    /// Errors of the moment, after which the same transaction on a fresh connection may succeed:
    /// the ones Microsoft documents as transient for SQL Server and Azure SQL, plus the deadlock
    /// victim and lock and command time-outs. In each the server rolled the transaction back.
    /// </summary>
    private static readonly FrozenSet<int> Transient = FrozenSet.ToFrozenSet(
    [
        DeadlockVictim,
        1222, // a lock request timed out
        -2, // SqlClient: the command timed out (the server rolls back under XACT_ABORT)
        20, 64, 233, 10053, 10054, 10060, // the connection was refused, reset or dropped
        4060, 4221, // the database cannot be opened yet, or is not yet readable on a secondary
        10928, 10929, 40197, 40501, 40613, 49918, 49919, 49920, // Azure SQL: limits of the moment, a busy service, a database on the move
    ]);

    public static bool IsUniqueViolation(SqlException ex) => IsUniqueViolation(ex.Number);

    public static bool IsUniqueViolation(int number) => number is UniqueIndex or UniqueConstraint;

    /// <summary>Any transient error in the exception counts, and so does a severity that ends the connection (20 and above).</summary>
    public static bool IsTransient(SqlException ex) =>
        ex.Class >= 20 || ex.Errors.Cast<SqlError>().Any(e => IsTransient(e.Number));

    public static bool IsTransient(int number) => Transient.Contains(number);
}
