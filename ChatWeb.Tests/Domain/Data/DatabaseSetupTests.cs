using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ChatWeb.Tests.Domain.Data;

/// <summary>The ground every other domain test stands on: the real migrations, applied to a fresh database.</summary>
public class DatabaseSetupTests : DomainTest
{
    [DatabaseFact]
    public async Task MigrateAsync_FreshDatabase_AppliesEveryMigrationAndMatchesTheModel()
    {
        await using var db = await Db.OpenAsync(Ct);

        var applied = await db.Database.GetAppliedMigrationsAsync(Ct);

        Assert.NotEmpty(applied);
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.False(db.Database.HasPendingModelChanges());
    }
}
