using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatWeb.Tests.Domain.Infrastructure;

/// <summary>
/// Gives each test its own database: tests never see each other's rows and may run in parallel.
/// SQLite, or SQL Server in a suite's <see cref="OnSqlServerAttribute"/> variant.
/// </summary>
public abstract class DomainTest : IAsyncLifetime
{
    protected DomainTestDatabase Db { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected DatabaseProvider Provider => OnSqlServerAttribute.IsOn(GetType()) ? DatabaseProvider.SqlServer : DatabaseProvider.Sqlite;

    /// <summary>More registrations for a suite's variant (another attachment store, say), after the app's.</summary>
    protected virtual Action<IServiceCollection>? ConfigureServices => null;

    public async ValueTask InitializeAsync() => Db = await DomainTestDatabase.CreateAsync(Ct, Provider, wrapStore: null, ConfigureServices);

    public async ValueTask DisposeAsync()
    {
        if (Db is not null)
        {
            await Db.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}
