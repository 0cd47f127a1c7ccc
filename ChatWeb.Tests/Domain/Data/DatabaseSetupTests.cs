using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ChatWeb.Tests.Domain.Data;

/// <summary>The ground every other domain test stands on: the real migrations, in the app's journal mode.</summary>
public sealed class DatabaseSetupTests : DomainTest
{
    [Fact]
    public async Task MigrateAsync_FreshFile_AppliesEveryMigrationAndMatchesTheModel()
    {
        await using var db = await Db.OpenAsync(Ct);

        var applied = await db.Database.GetAppliedMigrationsAsync(Ct);

        Assert.NotEmpty(applied);
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task MigrateAsync_FreshFile_LeavesTheFileInWalMode()
    {
        await using var db = await Db.OpenAsync(Ct);
        await db.Database.OpenConnectionAsync(Ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        var mode = await command.ExecuteScalarAsync(Ct);

        Assert.Equal("wal", mode);
    }
}
