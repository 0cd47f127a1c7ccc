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
/// The MessageLifecycle migration on a database that already holds messages: each takes its seq as
/// its version (so versions are unique per thread, as the new index requires) and each thread its
/// last seq as its last version, so the next change is numbered after all of them.
/// </summary>
public sealed class MessageLifecycleMigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrate_SqliteDatabaseWithMessagesFromBefore_GivesEachMessageItsSeqAsVersion()
    {
        using var file = new TempDatabaseFile();
        var options = new DbContextOptionsBuilder<SqliteChatDbContext>();
        DatabaseRegistration.ConfigureSqlite(options, file.ConnectionString);
        // The Identity schema the migrations were made with, as the app's registration sets it.
        options.UseApplicationServiceProvider(DesignTimeServices.WithIdentitySchemaVersion3());
        await using (var db = new SqliteChatDbContext(options.Options))
        {
            await db.GetService<IMigrator>().MigrateAsync(Previous(db), Ct);
        }
        var thread = Guid.NewGuid().ToString().ToUpperInvariant();
        await ExecuteAsync(file.ConnectionString,
        [
            "INSERT INTO AspNetUsers (Id, UserName, DisplayName, NormalizedDisplayName, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount) VALUES ('u1', 'ann@corp.example', 'Ann', 'ANN', 1, 0, 0, 0, 0)",
            $"INSERT INTO Threads (Id, Kind, CreatedAt, LastSeq, LastMessageAt) VALUES ('{thread}', 1, '2026-01-01 00:00:00', 3, '2026-01-01 00:00:00')",
            .. Enumerable.Range(1, 3).Select(seq =>
                $"INSERT INTO Messages (Id, ThreadId, Seq, SenderId, Body, ClientMessageId, SentAt) VALUES ('{Guid.NewGuid().ToString().ToUpperInvariant()}', '{thread}', {seq}, 'u1', 'm{seq}', 'c{seq}', '2026-01-01 00:00:00')"),
        ]);

        await using (var db = new SqliteChatDbContext(options.Options))
        {
            await db.Database.MigrateAsync(Ct);

            Assert.Equal([1L, 2L, 3L], await db.Messages.OrderBy(m => m.Seq).Select(m => m.Version).ToListAsync(Ct));
            Assert.Equal(3L, await db.Threads.Select(t => t.LastVersion).SingleAsync(Ct));
            Assert.True(await db.Users.Select(u => u.ShareReadReceipts).SingleAsync(Ct));
        }
    }

    [Fact]
    public void SqlServerScript_BackfillsVersionsBeforeTheirUniqueIndex_AndComparesEmojiByCodePoint()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(fromMigration: Previous(db));

        TransactSql.Parse(script);
        var backfill = script.IndexOf("UPDATE [Messages] SET [Version] = [Seq];", StringComparison.Ordinal);
        var index = script.IndexOf("CREATE UNIQUE INDEX [IX_Messages_ThreadId_Version] ON [Messages] ([ThreadId], [Version]);", StringComparison.Ordinal);
        Assert.InRange(backfill, 0, index);
        Assert.Contains("UPDATE [Threads] SET [LastVersion] = [LastSeq];", script);
        Assert.Contains($"[Emoji] nvarchar(32) COLLATE {SqlServerKeys.EmojiCollation} NOT NULL", script);
        Assert.Contains("[ShareReadReceipts] bit NOT NULL DEFAULT CAST(1 AS bit)", script);
    }

    // The migration before MessageLifecycle, whatever its name.
    private static string Previous(DbContext db)
    {
        var all = db.Database.GetMigrations().ToList();
        return all[all.FindIndex(m => m.EndsWith("_MessageLifecycle", StringComparison.Ordinal)) - 1];
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
