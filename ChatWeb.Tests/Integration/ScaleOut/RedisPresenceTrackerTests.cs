using ChatWeb.Scaling;
using StackExchange.Redis;
using Xunit;

namespace ChatWeb.Tests.Integration.ScaleOut;

public sealed class RedisPresenceTrackerTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task ConnectAndDisconnect_DevicesOnTwoNodes_OnlineUntilTheLastDeviceGoes()
    {
        redis.SkipIfUnavailable();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var nodeA = new RedisPresenceTracker(connection, TimeProvider.System);
        var nodeB = new RedisPresenceTracker(connection, TimeProvider.System);
        var user = Guid.NewGuid().ToString();

        var firstCameOnline = await nodeA.ConnectedAsync(user, "a-1");
        var secondCameOnline = await nodeB.ConnectedAsync(user, "b-1");
        var firstLeftLast = await nodeA.DisconnectedAsync(user, "a-1");
        var stillOnline = await nodeA.OnlineAmongAsync([user]);
        var secondLeftLast = await nodeB.DisconnectedAsync(user, "b-1");
        var afterAll = await nodeB.OnlineAmongAsync([user]);

        Assert.True(firstCameOnline);
        Assert.False(secondCameOnline);
        Assert.False(firstLeftLast);
        Assert.Contains(user, stillOnline);
        Assert.True(secondLeftLast);
        Assert.Empty(afterAll);
    }

    [Fact]
    public async Task OnlineAmong_NodeDiedWithoutGoodbye_ItsConnectionsLapseAfterTheirLifetime()
    {
        redis.SkipIfUnavailable();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var deadNode = new RedisPresenceTracker(connection, clock);
        var liveNode = new RedisPresenceTracker(connection, clock);
        var (crashed, alive) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        await deadNode.ConnectedAsync(crashed, "dead-1");
        await liveNode.ConnectedAsync(alive, "live-1");

        clock.Advance(RedisPresenceTracker.EntryLifetime / 2);
        await liveNode.RefreshLocalConnectionsAsync();
        clock.Advance(RedisPresenceTracker.EntryLifetime / 2 + TimeSpan.FromSeconds(1));
        var online = await liveNode.OnlineAmongAsync([crashed, alive]);

        Assert.Equal([alive], online);
    }
}
