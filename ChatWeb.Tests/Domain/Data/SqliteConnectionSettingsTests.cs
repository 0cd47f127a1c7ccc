using System.Collections.Concurrent;
using System.Data.Common;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Data.Sqlite;
using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatWeb.Tests.Domain.Data;

/// <summary>
/// The SQLite file runs in WAL mode, and the writer's own settings (no flush in its commits, no
/// automatic checkpoints) stay on the writer's connection: a connection from the pool always
/// commits with SQLite's full flush, even after the writer's connection failed and was replaced.
/// </summary>
public sealed class SqliteConnectionSettingsTests
{
    private const long Full = 2;
    private const long DefaultAutoCheckpoint = 1000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrateAsync_FreshFile_LeavesTheFileInWalMode()
    {
        await using var store = await DomainTestDatabase.CreateAsync(Ct);
        await using var db = await store.OpenAsync(Ct);

        var mode = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync(Ct);

        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task EfWrite_AfterAFailedBatch_RunsWithTheDurableSettings_AndNoPooledConnectionHasTheWritersSettings()
    {
        var watch = new WriteSettingsWatch();
        await using var db = await DomainTestDatabase.CreateAsync(Ct, DatabaseProvider.Sqlite,
            s => new FailingMessageStore(s)
            {
                FailCommit = n => n == 1 ? new InvalidOperationException("A batch broke.") : null,
                // The writer's second connection does not open: it holds none while EF writes below.
                FailOpen = n => n == 2 ? new IOException("Cannot reach the database.") : null,
            },
            services => services.ConfigureDbContext<SqliteChatDbContext>(o => o.AddInterceptors(watch)));
        var people = await db.CreateUsersAsync([("Ann", null), ("Bob", null)], Ct);
        var thread = await db.Conversations.OpenDirectAsync(people[0].Id, people[1].UserName, Ct);
        // The writer opens its connection (NORMAL, no automatic checkpoints), fails its batch and
        // closes that connection.
        await ChatAssert.RefusedAsync(ChatErrorKind.Unavailable, () => db.SendAsync(people[0], thread.Id, "into a failed batch", Ct));
        watch.Clear();

        await db.Conversations.CreateGroupAsync(people[0].Id, "Written by EF", [people[1].UserName], Ct);
        var pooled = await PooledConnectionSettingsAsync(db.ConnectionString, count: 16);

        Assert.NotEmpty(watch.Seen);
        Assert.All(watch.Seen, s => Assert.Equal((Full, DefaultAutoCheckpoint), s));
        Assert.All(pooled, s => Assert.Equal((Full, DefaultAutoCheckpoint), s));
    }

    [Fact]
    public void WriterConnectionString_IsOutsideThePool_WithForeignKeys()
    {
        var store = new SqliteMessageStore("Data Source=chat.db", null!);

        var writer = new SqliteConnectionStringBuilder(store.WriterConnectionString);

        Assert.Equal((false, true), (writer.Pooling, writer.ForeignKeys));
    }

    /// <summary>
    /// Holds as many connections of the app's pool open at once as asked: any connection the pool
    /// kept is among them. Read on plain connections, so nothing in EF sets anything first.
    /// </summary>
    private static async Task<List<(long, long)>> PooledConnectionSettingsAsync(string connectionString, int count)
    {
        var connections = Enumerable.Range(0, count).Select(_ => new SqliteConnection(connectionString)).ToList();
        try
        {
            foreach (var connection in connections)
            {
                await connection.OpenAsync(Ct);
            }
            return connections.ConvertAll(c => Settings(c));
        }
        finally
        {
            connections.ForEach(c => c.Dispose());
        }
    }

    private static (long Synchronous, long AutoCheckpoint) Settings(DbConnection connection, DbTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA synchronous";
        var synchronous = (long)command.ExecuteScalar()!;
        command.CommandText = "PRAGMA wal_autocheckpoint";
        return (synchronous, (long)command.ExecuteScalar()!);
    }

    /// <summary>The settings of the connection each EF write runs on, read on it as the write goes out.</summary>
    private sealed class WriteSettingsWatch : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<(long, long)> seen = new();

        public IReadOnlyList<(long, long)> Seen => [.. seen];

        public void Clear() => seen.Clear();

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
            Watch(command, result);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Watch(command, result));

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
            Watch(command, result);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Watch(command, result));

        private T Watch<T>(DbCommand command, T result)
        {
            if (command.CommandText.Contains("INSERT INTO", StringComparison.Ordinal))
            {
                seen.Enqueue(Settings(command.Connection!, command.Transaction));
            }
            return result;
        }
    }
}
