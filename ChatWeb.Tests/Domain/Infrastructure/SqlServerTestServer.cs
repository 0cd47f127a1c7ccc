using Microsoft.Data.SqlClient;

namespace ChatWeb.Tests.Domain.Infrastructure;

/// <summary>
/// The SQL Server the provider-parameterized suites run against, named by the environment variable
/// <c>CHATWEB_TEST_SQLSERVER</c> (a connection string to a server whose login may create and drop
/// databases). Unset, the SQL Server variants of the suites are not discovered at all.
/// </summary>
public static class SqlServerTestServer
{
    public const string EnvironmentVariable = "CHATWEB_TEST_SQLSERVER";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    public static bool IsConfigured => ConnectionString is not null;

    /// <summary>A connection string to a database of its own on the server, not yet created (migrating creates it).</summary>
    public static string NewDatabase()
    {
        var server = ConnectionString
            ?? throw new InvalidOperationException($"Set {EnvironmentVariable} to a SQL Server connection string to run the SQL Server suites.");
        return new SqlConnectionStringBuilder(server) { InitialCatalog = $"ChatWebTest_{Guid.NewGuid():N}" }.ConnectionString;
    }
}
