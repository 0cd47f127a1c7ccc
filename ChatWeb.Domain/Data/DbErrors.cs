using ChatWeb.Domain.Data.Sqlite;
using ChatWeb.Domain.Data.SqlServer;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Data;

/// <summary>What a database error means to the code that caught it, asked of the provider that raised it.</summary>
internal static class DbErrors
{
    /// <summary>A concurrent writer got there first (the same direct pair, the same client message id).</summary>
    public static bool IsUniqueViolation(Exception ex) => Unwrap(ex) switch
    {
        SqliteException sqlite => SqliteErrors.IsUniqueViolation(sqlite),
        SqlException sql => SqlServerErrors.IsUniqueViolation(sql),
        _ => false,
    };

    /// <summary>
    /// The transaction failed for a reason of the moment (busy, a deadlock, a lost connection, a
    /// failover, a timeout), not because of what it wrote: the same transaction, tried again on a
    /// fresh connection, may well succeed.
    /// </summary>
    public static bool IsTransient(Exception ex) => Unwrap(ex) switch
    {
        SqliteException sqlite => SqliteErrors.IsTransient(sqlite),
        SqlException sql => SqlServerErrors.IsTransient(sql),
        TimeoutException => true,
        _ => false,
    };

    // Tracked saves wrap the provider's error in a DbUpdateException; raw statements throw it as is.
    private static Exception Unwrap(Exception ex) => ex is DbUpdateException { InnerException: { } inner } ? inner : ex;
}
