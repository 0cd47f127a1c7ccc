using ChatWeb.Domain.Presence;
using ChatWeb.Scaling;
using StackExchange.Redis;
using Xunit;

namespace ChatWeb.Tests.Integration.ScaleOut;

/// <summary>Presence while this node's Redis is stopped and started again, empty (it keeps nothing on disk).</summary>
public sealed class RedisPresenceOutageTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ArrivalsAndDepartures_WhileRedisIsDown_AcceptedAndSettledByTheFirstBeatAfterItReturns()
    {
        redis.SkipIfUnavailable();
        var options = ConfigurationOptions.Parse(redis.Configuration);
        // As the app connects: keep reconnecting, and fail at once while disconnected.
        (options.AbortOnConnectFail, options.BacklogPolicy) = (false, BacklogPolicy.FailFast);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        var clock = new ManualClock(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        var node = new RedisPresenceTracker(connection, clock, new RedisPresenceOptions { NodeName = "test-node" });
        var (ann, bob, cara) = (NewId(), NewId(), NewId());
        await node.ConnectedAsync(ann, "ann-1");
        await node.ConnectedAsync(bob, "bob-1");
        await node.BeatAsync();
        await redis.StopAsync();
        await WaitUntilAsync(() => !connection.IsConnected);

        var caraCameOnline = await node.ConnectedAsync(cara, "cara-1");
        var bobLeftLast = await node.DisconnectedAsync(bob, "bob-1");
        var bobLeftAt = clock.GetUtcNow().UtcDateTime;
        var seenDuringTheOutage = await node.OnlineAmongAsync([ann, bob, cara]);
        await redis.StartAsync();
        await WaitUntilAsync(() => connection.IsConnected);
        var returned = await node.BeatAsync();
        var lapsed = await node.TakeLapsedAsync();
        var seenAfter = await node.OnlineAmongAsync([ann, bob, cara]);

        Assert.False(caraCameOnline);
        Assert.False(bobLeftLast);
        Assert.Equal(new[] { ann, cara }.Order(), seenDuringTheOutage.Order());
        Assert.Equal(new[] { ann, cara }.Order(), returned.Order());
        Assert.Equal([new LapsedUser(bob, bobLeftAt)], lapsed);
        Assert.Equal(new[] { ann, cara }.Order(), seenAfter.Order());
        Assert.Empty(await node.BeatAsync());
        Assert.Empty(await node.TakeLapsedAsync());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The Redis client did not notice the change within a minute.");
            await Task.Delay(100, Ct);
        }
    }

    private static string NewId() => Guid.NewGuid().ToString();
}
