using ChatWeb.Domain.Data;
using ChatWeb.Domain.Data.Sqlite;
using ChatWeb.Domain.Data.SqlServer;
using ChatWeb.Domain.Entities;
using ChatWeb.Tests.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;

namespace ChatWeb.Tests.Domain;

/// <summary>
/// Each provider keeps its own migrations; these tests fail when the model moved on without a
/// migration for either of them, and prove the SQL Server script builds without a server and keys
/// the tables as production needs.
/// </summary>
public sealed class MigrationTests
{
    /// <summary>
    /// SQL Server migrations with no SQLite twin, by name: each changes how SQL Server stores the
    /// shared model (<c>SqlServerKeys</c>), not the model, so SQLite has nothing to migrate. Every other
    /// migration exists for both providers, with the same name, in the same order.
    /// </summary>
    private static readonly string[] SqlServerOnly = ["ProductionKeys"];

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
    public void SqlServerMigrationScript_ClustersMessagesByThreadAndSeq_AndKeepsTheIdAsANonclusteredKey()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(fromMigration: "DropMemberActivity");

        TransactSql.Parse(script);
        Assert.Contains("CREATE UNIQUE CLUSTERED INDEX [IX_Messages_ThreadId_Seq] ON [Messages] ([ThreadId], [Seq]);", script);
        Assert.Contains("ALTER TABLE [Messages] ADD CONSTRAINT [PK_Messages] PRIMARY KEY NONCLUSTERED ([Id]);", script);
        Assert.True(
            script.IndexOf("CLUSTERED INDEX [IX_Messages_ThreadId_Seq]", StringComparison.Ordinal) < script.IndexOf("PRIMARY KEY NONCLUSTERED", StringComparison.Ordinal),
            "The clustered index is built before the nonclustered key, which is then built once.");
    }

    [Fact]
    public void SqlServerModel_ClustersOnlyMessagesDifferently()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var model = db.GetService<IDesignTimeModel>().Model;

        var messages = model.FindEntityType(typeof(Message))!;
        var threads = model.FindEntityType(typeof(ChatThread))!;

        Assert.False(messages.FindPrimaryKey()!.IsClustered());
        Assert.True(messages.GetIndexes().Single(i => i.Properties.Select(p => p.Name).SequenceEqual(["ThreadId", "Seq"])).IsClustered());
        Assert.Null(threads.FindPrimaryKey()!.IsClustered());
    }

    [Fact]
    public void Migrations_BothProviders_HaveTheSameNamesInTheSameOrder_BesideTheListedSqlServerOnlyOnes()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var sqliteNames = sqlite.Database.GetMigrations().Select(NameWithoutTimestamp).ToList();
        var sqlServerNames = sqlServer.Database.GetMigrations().Select(NameWithoutTimestamp).ToList();

        Assert.Equal(sqliteNames, sqlServerNames.Where(n => !SqlServerOnly.Contains(n)));
        Assert.Subset(sqlServerNames.ToHashSet(), SqlServerOnly.ToHashSet());
        Assert.Empty(sqliteNames.Intersect(SqlServerOnly));
    }

    // "20261127200639_Initial" → "Initial": the timestamps differ between providers, the names must not.
    private static string NameWithoutTimestamp(string migrationId) => migrationId[(migrationId.IndexOf('_') + 1)..];
}
