using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Chat;

internal static class DbErrors
{
    private const int SqliteConstraint = 19;
    private const int SqlServerUniqueIndex = 2601;
    private const int SqlServerUniqueConstraint = 2627;

    /// <summary>A concurrent writer got there first (the same direct pair, the same client message id).</summary>
    public static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint,
        SqlException sql => sql.Number is SqlServerUniqueIndex or SqlServerUniqueConstraint,
        _ => false,
    };
}
