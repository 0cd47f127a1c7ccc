using ChatWeb.Tests.Domain.Infrastructure;
using Xunit;

namespace ChatWeb.Tests.Domain.Messages;

/// <summary>
/// Threads of 0, 100 and 101 messages, sent through the real send path once for the whole class:
/// paging only reads, so the tests can share them.
/// </summary>
public class HistoryFixture : IAsyncLifetime
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public DomainTestDatabase Db { get; private set; } = null!;
    public TestUser Ann { get; private set; } = null!;
    public TestUser Bob { get; private set; } = null!;
    public Guid EmptyThread { get; private set; }
    public Guid HundredThread { get; private set; }
    public Guid HundredAndOneThread { get; private set; }

    /// <summary>The body of message <paramref name="seq"/> in the seeded threads: odd seqs are Ann's, even ones Bob's.</summary>
    public static string BodyOf(long seq) => $"message #{seq}";

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Db = await DomainTestDatabase.CreateAsync(ct, Provider);
        var people = await Db.CreateUsersAsync([("Ann", null), ("Bob", null), ("Cy", null), ("Dee", null)], ct);
        (Ann, Bob) = (people[0], people[1]);
        EmptyThread = (await Db.Conversations.OpenDirectAsync(Ann.Id, Bob.UserName, ct)).Id;
        HundredThread = (await Db.Conversations.CreateGroupAsync(Ann.Id, "Hundred", [Bob.UserName, people[2].UserName], ct)).Id;
        HundredAndOneThread = (await Db.Conversations.CreateGroupAsync(Ann.Id, "Hundred and one", [Bob.UserName, people[3].UserName], ct)).Id;
        await SeedAsync(HundredThread, 100, ct);
        await SeedAsync(HundredAndOneThread, 101, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (Db is not null)
        {
            await Db.DisposeAsync();
        }
    }

    private async Task SeedAsync(Guid threadId, int count, CancellationToken ct)
    {
        for (var seq = 1; seq <= count; seq++)
        {
            await Db.SendAsync(seq % 2 == 1 ? Ann : Bob, threadId, BodyOf(seq), ct);
        }
    }
}
