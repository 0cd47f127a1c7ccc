namespace ChatWeb.Tests.Domain.Infrastructure;

/// <summary>The database a domain test runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>A fresh SQLite file per test; always.</summary>
    Sqlite,

    /// <summary>A fresh database per test on the server <see cref="SqlServerTestServer"/> names; only when one is configured.</summary>
    SqlServer,
}
