using ChatWeb.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace ChatWeb.Tests.Infrastructure;

/// <summary>
/// A migrated SQLite file wired exactly as the app wires it (<see cref="DatabaseRegistration.AddChatDatabase"/>),
/// for domain tests that need <see cref="IDbContextFactory{ChatDbContext}"/> without a web host.
/// Use as a class fixture or create one per test.
/// </summary>
public sealed class SqliteTestDatabase : IAsyncLifetime
{
    private readonly TempDatabaseFile file = new();
    private ServiceProvider? services;

    public string Path => file.Path;

    public IDbContextFactory<ChatDbContext> Factory =>
        services?.GetRequiredService<IDbContextFactory<ChatDbContext>>()
        ?? throw new InvalidOperationException("The database is not initialized yet.");

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = DatabaseProviders.Sqlite,
                ["ConnectionStrings:Chat"] = file.ConnectionString,
            })
            .Build();
        services = new ServiceCollection()
            .AddChatDatabase(configuration, System.IO.Path.GetDirectoryName(file.Path)!)
            .BuildServiceProvider();

        await DatabaseInitializer.MigrateAsync(Factory, NullLogger.Instance, TimeSpan.Zero, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }
        file.Dispose();
    }
}
