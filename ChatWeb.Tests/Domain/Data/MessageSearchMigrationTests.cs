using ChatWeb.Domain.Data;
using ChatWeb.Domain.Data.Sqlite;
using ChatWeb.Domain.Data.SqlServer;
using ChatWeb.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;

namespace ChatWeb.Tests.Domain.Data;

/// <summary>
/// The MessageSearch migration on a database that already holds messages: on SQLite they are in the
/// new index at once; on SQL Server the index is made only where full-text search is installed.
/// </summary>
public sealed class MessageSearchMigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrate_SqliteDatabaseWithMessagesFromBefore_IndexesThemForSearch()
    {
        using var file = new TempDatabaseFile();
        var options = new DbContextOptionsBuilder<SqliteChatDbContext>();
        DatabaseRegistration.ConfigureSqlite(options, file.ConnectionString);
        options.UseApplicationServiceProvider(DesignTimeServices.WithIdentitySchemaVersion3());
        await using (var db = new SqliteChatDbContext(options.Options))
        {
            await db.GetService<IMigrator>().MigrateAsync(Previous(db), Ct);
        }
        var thread = Guid.NewGuid().ToString().ToUpperInvariant();
        await ExecuteAsync(file.ConnectionString,
        [
            "INSERT INTO AspNetUsers (Id, UserName, DisplayName, NormalizedDisplayName, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, ShareReadReceipts) VALUES ('u1', 'ann@corp.example', 'Ann', 'ANN', 1, 0, 0, 0, 0, 1)",
            $"INSERT INTO Threads (Id, Kind, CreatedAt, LastSeq, LastMessageAt, LastVersion) VALUES ('{thread}', 1, '2026-01-01 00:00:00', 2, '2026-01-01 00:00:00', 2)",
            $"INSERT INTO Messages (Id, ThreadId, Seq, SenderId, Body, ClientMessageId, SentAt, Version) VALUES ('{Guid.NewGuid().ToString().ToUpperInvariant()}', '{thread}', 1, 'u1', 'Crème brûlée recipe', 'c1', '2026-01-01 00:00:00', 1)",
            $"INSERT INTO Messages (Id, ThreadId, Seq, SenderId, Body, ClientMessageId, SentAt, Version) VALUES ('{Guid.NewGuid().ToString().ToUpperInvariant()}', '{thread}', 2, 'u1', 'something else', 'c2', '2026-01-01 00:00:00', 2)",
        ]);

        await using (var db = new SqliteChatDbContext(options.Options))
        {
            await db.Database.MigrateAsync(Ct);
        }

        Assert.Equal(1L, await CountAsync(file.ConnectionString, "creme brulee"));
        Assert.Equal(1L, await CountAsync(file.ConnectionString, "SOMETHING"));
        Assert.Equal(0L, await CountAsync(file.ConnectionString, "recipes"));
    }

    [Fact]
    public void SqlServerScript_MakesTheFullTextIndexOnlyWhereInstalled()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(fromMigration: Previous(db));

        TransactSql.Parse(script);
        Assert.Contains("IF FULLTEXTSERVICEPROPERTY('IsFullTextInstalled') = 1", script);
        Assert.Contains("CREATE FULLTEXT CATALOG [ChatWebSearch] WITH ACCENT_SENSITIVITY = OFF", script);
        Assert.Contains("KEY INDEX [PK_Messages] ON [ChatWebSearch] WITH (CHANGE_TRACKING = AUTO, STOPLIST = OFF)", script);
    }

    // The migration before MessageSearch, whatever its name.
    private static string Previous(DbContext db)
    {
        var all = db.Database.GetMigrations().ToList();
        return all[all.FindIndex(m => m.EndsWith("_MessageSearch", StringComparison.Ordinal)) - 1];
    }

    private static async Task<long> CountAsync(string connectionString, string match)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM \"{SqliteSearchSyntax.Table}\" WHERE \"{SqliteSearchSyntax.Table}\" MATCH $m";
        command.Parameters.AddWithValue("$m", match);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task ExecuteAsync(string connectionString, IEnumerable<string> statements)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(Ct);
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(Ct);
        }
    }
}
