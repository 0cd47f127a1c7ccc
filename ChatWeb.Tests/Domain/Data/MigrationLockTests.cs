using ChatWeb.Domain.Data;
using ChatWeb.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace ChatWeb.Tests.Domain.Data;

/// <summary>
/// A SQLite file whose migration lock row was left by a process killed while migrating (as EF Core
/// writes it) still starts; a lock held by a live process is waited for, not taken.
/// </summary>
public sealed class MigrationLockTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TempDatabaseFile file = new();
    private readonly ServiceProvider services;

    public MigrationLockTests()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Chat"] = file.ConnectionString })
            .Build();
        services = new ServiceCollection().AddChatDatabase(configuration, Path.GetTempPath()).BuildServiceProvider();
    }

    private IDbContextFactory<ChatDbContext> Factory => services.GetRequiredService<IDbContextFactory<ChatDbContext>>();

    [Fact]
    public async Task MigrateAsync_LockLeftByKilledProcessWithMigrationsPending_RemovesItAndMigrates()
    {
        await LeaveLockRowAsync();

        await MigrateWithinPatienceAsync();

        await AssertFullyMigratedAsync();
        Assert.Equal(0, await LockRowsAsync());
    }

    [Fact]
    public async Task MigrateAsync_LockLeftByKilledProcessNothingPending_StartsWithoutWaiting()
    {
        await MigrateWithinPatienceAsync();
        await LeaveLockRowAsync();

        await MigrateWithinPatienceAsync();

        await AssertFullyMigratedAsync();
    }

    [Fact]
    public async Task MigrateAsync_AnotherProcessIsMigrating_WaitsAndLeavesItsLockAlone()
    {
        await LeaveLockRowAsync();
        var otherMigrator = new FileStream(file.Path + ".migrations.lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var migrating = MigrateWithinPatienceAsync();
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        var finishedWhileHeld = migrating.IsCompleted;
        var rowWhileHeld = await LockRowsAsync();
        await using (var release = new SqliteConnection(file.ConnectionString))
        {
            await release.OpenAsync(TestContext.Current.CancellationToken);
            await new SqliteCommand("DELETE FROM \"__EFMigrationsLock\"", release).ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        await otherMigrator.DisposeAsync();
        await migrating;

        Assert.False(finishedWhileHeld);
        Assert.Equal(1, rowWhileHeld);
        await AssertFullyMigratedAsync();
    }

    public void Dispose()
    {
        services.Dispose();
        file.Dispose();
        File.Delete(file.Path + ".migrations.lock");
    }

    private async Task MigrateWithinPatienceAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        await DatabaseInitializer.MigrateAsync(Factory, NullLogger.Instance, TimeSpan.Zero, timeout.Token);
    }

    /// <summary>The table and row EF Core's SQLite migration lock writes, as a process killed while migrating leaves them.</summary>
    private async Task LeaveLockRowAsync()
    {
        await using var connection = new SqliteConnection(file.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await new SqliteCommand(
            """
            CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
            INSERT OR IGNORE INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-01-01 00:00:00');
            """, connection).ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private async Task<long> LockRowsAsync()
    {
        await using var connection = new SqliteConnection(file.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var exists = (long)(await new SqliteCommand("SELECT COUNT(*) FROM sqlite_master WHERE name = '__EFMigrationsLock'", connection).ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        return exists == 0 ? 0 : (long)(await new SqliteCommand("SELECT COUNT(*) FROM \"__EFMigrationsLock\"", connection).ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private async Task AssertFullyMigratedAsync()
    {
        await using var db = await Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }
}
