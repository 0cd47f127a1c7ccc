using ChatWeb.Domain.Presence;
using ChatWeb.Scaling;
using ChatWeb.Tests.Domain.Infrastructure;
using StackExchange.Redis;

namespace ChatWeb.Tests.Integration.ScaleOut;

/// <summary>
/// Ann and Bob in a direct thread, and the presence services of two nodes sharing one Redis and
/// one hand-moved clock: <see cref="Troubled"/> is the node that dies or is cut off, <see cref="Live"/> the one that carries on.
/// </summary>
internal sealed class TwoPresenceNodes : IAsyncDisposable
{
    private TwoPresenceNodes(DomainTestDatabase store, ConnectionMultiplexer redis, ManualClock clock, TestUser ann, TestUser bob)
    {
        (Store, this.redis, Clock, Ann, Bob) = (store, redis, clock, ann, bob);
        TroubledTracker = new RedisPresenceTracker(redis, clock, Options);
        Troubled = new PresenceService(store.Factory, TroubledTracker, store.Notifier, clock);
        Live = new PresenceService(store.Factory, new RedisPresenceTracker(redis, clock, Options), store.Notifier, clock);
    }

    private static readonly RedisPresenceOptions Options = new() { NodeName = "test-node" };

    private readonly ConnectionMultiplexer redis;

    public DomainTestDatabase Store { get; }
    public RecordingChatNotifier Notifier => Store.Notifier;
    public ManualClock Clock { get; }
    public TestUser Ann { get; }
    public TestUser Bob { get; }
    public RedisPresenceTracker TroubledTracker { get; }
    public PresenceService Troubled { get; }
    public PresenceService Live { get; }

    public static async Task<TwoPresenceNodes> StartAsync(RedisServer server, CancellationToken ct)
    {
        var store = await DomainTestDatabase.CreateAsync(ct);
        var (ann, bob) = (await store.CreateUserAsync("Ann", ct: ct), await store.CreateUserAsync("Bob", ct: ct));
        await store.Conversations.OpenDirectAsync(ann.Id, bob.UserName, ct);
        var redis = await ConnectionMultiplexer.ConnectAsync(server.Configuration);
        // Whole milliseconds: Redis keeps times to the millisecond, so what comes back compares equal.
        var clock = new ManualClock(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        return new TwoPresenceNodes(store, redis, clock, ann, bob);
    }

    /// <summary>Moves the clock past a node's heartbeat timeout: the troubled node is taken for dead at the next sweep.</summary>
    public void LetEntriesLapse() => Clock.Advance(Options.NodeTimeout + TimeSpan.FromSeconds(1));

    /// <summary>The next announcement fails at its last step, as a database failing there would make it fail.</summary>
    public void FailNextAnnouncement()
    {
        var failed = 0;
        Notifier.OnPresenceChanged = _ => Interlocked.Exchange(ref failed, 1) == 0
            ? throw new IOException("The announcement failed.")
            : Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Troubled.Dispose();
        Live.Dispose();
        await redis.DisposeAsync();
        await Store.DisposeAsync();
    }
}
