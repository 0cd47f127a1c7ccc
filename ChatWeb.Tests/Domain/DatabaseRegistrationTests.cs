using ChatWeb.Domain.Data;
using ChatWeb.Domain.Data.Sqlite;
using ChatWeb.Domain.Data.SqlServer;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatWeb.Tests.Domain;

/// <summary>Bad database settings stop the app at start-up with a message that says what to fix.</summary>
public sealed class DatabaseRegistrationTests : IDisposable
{
    private readonly string contentRoot = Path.Combine(Path.GetTempPath(), "chatweb-tests", $"root-{Guid.NewGuid():N}");

    [Fact]
    public void AddChatDatabase_UnknownProvider_ThrowsNamingTheProviderAndTheChoices()
    {
        var configuration = Settings(provider: "Oracle", connectionString: "Data Source=x");

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddChatDatabase(configuration, contentRoot));

        Assert.Contains("Unknown Database:Provider 'Oracle'", error.Message);
        Assert.Contains("'Sqlite' or 'SqlServer'", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void AddChatDatabase_SqlServerWithoutConnectionString_ThrowsNamingTheSetting(string? connectionString)
    {
        var configuration = Settings(provider: "SqlServer", connectionString);

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddChatDatabase(configuration, contentRoot));

        Assert.Contains("ConnectionStrings:Chat is empty", error.Message);
        Assert.Contains("ConnectionStrings__Chat", error.Message);
    }

    [Fact]
    public void AddChatDatabase_SqlServer_HandsOutSqlServerContextsWithoutConnecting()
    {
        var configuration = Settings(provider: "sqlserver", "Server=nowhere;Database=ChatWeb;TrustServerCertificate=True");
        using var services = new ServiceCollection().AddChatDatabase(configuration, contentRoot).BuildServiceProvider();

        using var db = services.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContext();

        Assert.IsType<SqlServerChatDbContext>(db);
        Assert.True(db.Database.IsSqlServer());
    }

    [Fact]
    public void AddChatDatabase_NoSettings_UsesSqliteFileUnderContentRootDataFolder()
    {
        var configuration = Settings(provider: null, connectionString: null);
        using var services = new ServiceCollection().AddChatDatabase(configuration, contentRoot).BuildServiceProvider();

        using var db = services.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContext();

        Assert.IsType<SqliteChatDbContext>(db);
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        Assert.Equal(Path.Combine(contentRoot, "data", "chatweb.db"), dataSource);
        Assert.True(Directory.Exists(Path.Combine(contentRoot, "data")));
    }

    [Fact]
    public void AddChatDatabase_Sqlite_ConnectionsLetSqliteWaitForALockAnotherProcessHolds()
    {
        var configuration = Settings(provider: null, connectionString: null);
        using var services = new ServiceCollection().AddChatDatabase(configuration, contentRoot).BuildServiceProvider();
        using var db = services.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContext();

        db.Database.OpenConnection();
        using var pragma = db.Database.GetDbConnection().CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout";
        var waitMilliseconds = Convert.ToInt64(pragma.ExecuteScalar());

        Assert.InRange(waitMilliseconds, 1_000, 30_000);
    }

    public void Dispose()
    {
        if (Directory.Exists(contentRoot))
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    private static IConfiguration Settings(string? provider, string? connectionString) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider,
                ["ConnectionStrings:Chat"] = connectionString,
            })
            .Build();
}
