using Xunit;

namespace ChatWeb.Tests.Domain.Infrastructure;

/// <summary>Gives each test its own database file: tests never see each other's rows and may run in parallel.</summary>
public abstract class DomainTest : IAsyncLifetime
{
    protected DomainTestDatabase Db { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>True in the variants that run a suite's sends through the set-based batch statements.</summary>
    protected virtual bool SetBasedSends => false;

    public async ValueTask InitializeAsync() => Db = await DomainTestDatabase.CreateAsync(Ct, SetBasedSends);

    public async ValueTask DisposeAsync()
    {
        if (Db is not null)
        {
            await Db.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}
