using ChatWeb.Domain.Data.Sqlite;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Bench.Seeding;

/// <summary>The server's SQLite context, built outside the server.</summary>
internal static class BenchDb
{
    /// <summary>
    /// Identity reads its schema version from IdentityOptions; the server uses version 3 (with
    /// passkeys), and without it the model would not match the migrations.
    /// </summary>
    private static readonly IServiceProvider IdentityServices = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();

    public static SqliteChatDbContext Open(string connectionString) =>
        new(new DbContextOptionsBuilder<SqliteChatDbContext>()
            .UseSqlite(connectionString)
            .UseApplicationServiceProvider(IdentityServices)
            .Options);
}
