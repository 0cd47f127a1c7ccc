using ChatWeb.Domain.Data;
using ChatWeb.Domain.Data.Sqlite;
using ChatWeb.Domain.Data.SqlServer;
using ChatWeb.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;

namespace ChatWeb.Tests.Domain;

/// <summary>
/// Each provider keeps its own migrations; these tests fail when the model moved on without a
/// migration for either of them, and prove the SQL Server script builds without a server.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public void SqliteModel_ComparedWithItsMigrations_HasNoPendingChanges()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        var pending = db.Database.HasPendingModelChanges();

        Assert.False(pending, "The model changed without a SQLite migration: run `dotnet ef migrations add` for SqliteChatDbContext (see docs/architecture.md).");
    }

    [Fact]
    public void SqlServerModel_ComparedWithItsMigrations_HasNoPendingChanges()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var pending = db.Database.HasPendingModelChanges();

        Assert.False(pending, "The model changed without a SQL Server migration: run `dotnet ef migrations add` for SqlServerChatDbContext (see docs/architecture.md).");
    }

    [Fact]
    public void DesignTimeModel_AfterContextBuiltWithoutIdentityOptions_StillMatchesMigrations()
    {
        var bare = new DbContextOptionsBuilder<SqliteChatDbContext>();
        DatabaseRegistration.ConfigureSqlite(bare, "Data Source=unused.db");
        using var withoutOptions = new SqliteChatDbContext(bare.Options);
        _ = withoutOptions.Model;

        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void SqlServerMigrationScript_WithoutServer_CreatesChatAndPasskeyTables()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Messages]", script);
        Assert.Contains("CREATE TABLE [Threads]", script);
        Assert.Contains("CREATE TABLE [ThreadMembers]", script);
        Assert.Contains("CREATE TABLE [AspNetUserPasskeys]", script);
    }

    [Fact]
    public void Migrations_BothProviders_HaveTheSameNamesInTheSameOrder()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var sqliteNames = sqlite.Database.GetMigrations().Select(NameWithoutTimestamp);
        var sqlServerNames = sqlServer.Database.GetMigrations().Select(NameWithoutTimestamp);

        Assert.Equal(sqliteNames, sqlServerNames);
    }

    [Fact]
    public async Task MigrateAsync_FreshSqliteFile_AppliesEveryMigrationAndTurnsOnWal()
    {
        await using var database = new SqliteTestDatabase();

        await database.InitializeAsync();

        await using var db = await database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        var journalMode = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("wal", journalMode);
    }

    // "20261127200639_Initial" → "Initial": the timestamps differ between providers, the names must not.
    private static string NameWithoutTimestamp(string migrationId) => migrationId[(migrationId.IndexOf('_') + 1)..];
}
