using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Chat;

internal static class DbErrors
{
    // Extended result codes: a unique index, or a primary key. Other constraint failures (a foreign
    // key, NOT NULL, CHECK) share the primary code 19 and are real errors, not a lost race.
    private const int SqliteUniqueConstraint = 2067;
    private const int SqlitePrimaryKeyConstraint = 1555;
    private const int SqlServerUniqueIndex = 2601;
    private const int SqlServerUniqueConstraint = 2627;

    /// <summary>
    /// A concurrent writer got there first (the same direct pair, the same client message id).
    /// Tracked saves wrap the provider's error in a <see cref="DbUpdateException"/>; raw statements throw it as is.
    /// </summary>
    public static bool IsUniqueViolation(Exception ex) => (ex is DbUpdateException { InnerException: { } inner } ? inner : ex) switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteUniqueConstraint or SqlitePrimaryKeyConstraint,
        SqlException sql => sql.Number is SqlServerUniqueIndex or SqlServerUniqueConstraint,
        _ => false,
    };
}
