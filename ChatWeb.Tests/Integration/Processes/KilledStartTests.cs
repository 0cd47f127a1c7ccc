using ChatWeb.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ChatWeb.Tests.Integration.Processes;

/// <summary>
/// An orchestrator that restarts a slow container kills it mid-start. Whenever that happens, the
/// next start on the same database must come up.
/// </summary>
public sealed class KilledStartTests : IDisposable
{
    private const string EfAcquiringLock = "Acquiring an exclusive lock for migration application";
    // Generous: a start on a machine shared by several builds can take a minute or more.
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(180);

    private readonly ScratchFolder folder = new();

    [Fact]
    public async Task Start_KilledWhileHoldingTheMigrationLock_NextStartServesHealthz()
    {
        string? database = null;
        for (var attempt = 1; attempt <= 5 && database is null; attempt++)
        {
            var candidate = folder.Combine($"attempt-{attempt}.db");
            await using var first = await ChatWebProcess.LaunchAsync(candidate, folder.Combine("home", folder: true));
            await first.WaitForOutputAsync(EfAcquiringLock, StartPatience);
            // A few milliseconds in: EF writes its lock row right after saying so, then migrates for much longer.
            await Task.Delay(attempt * 20, TestContext.Current.CancellationToken);
            await first.KillAsync();
            if (LockRows(candidate) > 0)
            {
                database = candidate;
            }
        }
        Assert.True(database is not null, "No kill landed while the migration lock was held.");

        await using var next = await ChatWebProcess.LaunchAsync(database, folder.Combine("home", folder: true));
        await next.WaitUntilHealthyAsync(StartPatience);

        Assert.Equal(0, LockRows(database));
    }

    [Fact]
    public async Task Start_KilledAtRandomMomentsOfItsStart_EveryNextStartServesHealthz()
    {
        var database = folder.Combine("chat.db");
        var home = folder.Combine("home", folder: true);
        await using (var initial = await ChatWebProcess.StartAsync(database, home))
        {
            await initial.KillAsync();
        }

        for (var kill = 0; kill < 3; kill++)
        {
            await using var starting = await ChatWebProcess.LaunchAsync(database, home);
            await Task.Delay(Random.Shared.Next(200, 1500), TestContext.Current.CancellationToken);
            await starting.KillAsync();
        }
        await using var last = await ChatWebProcess.LaunchAsync(database, home);

        await last.WaitUntilHealthyAsync(StartPatience);
    }

    public void Dispose() => folder.Dispose();

    private static long LockRows(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        using var exists = new SqliteCommand("SELECT COUNT(*) FROM sqlite_master WHERE name = '__EFMigrationsLock'", connection);
        if ((long)exists.ExecuteScalar()! == 0)
        {
            return 0;
        }
        using var rows = new SqliteCommand("SELECT COUNT(*) FROM \"__EFMigrationsLock\"", connection);
        return (long)rows.ExecuteScalar()!;
    }
}
