using ChatWeb.Domain.Presence;
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
        var nodeA = new RedisPresenceTracker(connection, TimeProvider.System, Options);
        var nodeB = new RedisPresenceTracker(connection, TimeProvider.System, Options);
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
    public async Task OnlineAmong_NodeDiedWithoutGoodbye_OfflineOnceASweepClaimsTheNode()
    {
        redis.SkipIfUnavailable();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var deadNode = new RedisPresenceTracker(connection, clock, Options);
        var liveNode = new RedisPresenceTracker(connection, clock, Options);
        var (crashed, alive) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        await deadNode.ConnectedAsync(crashed, "dead-1");
        await liveNode.ConnectedAsync(alive, "live-1");

        clock.Advance(Options.NodeTimeout / 2);
        await liveNode.BeatAsync();
        clock.Advance(Options.NodeTimeout / 2 + TimeSpan.FromSeconds(1));
        var beforeTheSweep = await liveNode.OnlineAmongAsync([crashed, alive]);
        await liveNode.TakeLapsedAsync();
        var afterTheSweep = await liveNode.OnlineAmongAsync([crashed, alive]);

        Assert.Equal(new[] { alive, crashed }.Order(), beforeTheSweep.Order());
        Assert.Equal([alive], afterTheSweep);
    }

    [Fact]
    public async Task TakeLapsed_NodeDiedWithoutGoodbye_HandsEachOfItsPeopleToOneNodeOnce()
    {
        redis.SkipIfUnavailable();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var clock = new ManualClock(WholeMilliseconds(DateTimeOffset.UtcNow));
        var deadNode = new RedisPresenceTracker(connection, clock, Options);
        var (liveNode, otherLiveNode) = (new RedisPresenceTracker(connection, clock, Options), new RedisPresenceTracker(connection, clock, Options));
        var (crashed, alsoElsewhere, leftEarlier, alive) = (NewId(), NewId(), NewId(), NewId());
        var connectedAt = clock.GetUtcNow();
        await deadNode.ConnectedAsync(crashed, "dead-1");
        await deadNode.ConnectedAsync(alsoElsewhere, "dead-2");
        await liveNode.ConnectedAsync(alsoElsewhere, "live-2");
        await deadNode.ConnectedAsync(leftEarlier, "dead-3");
        await deadNode.DisconnectedAsync(leftEarlier, "dead-3");
        await liveNode.ConnectedAsync(alive, "live-1");

        clock.Advance(Options.NodeTimeout / 2);
        await liveNode.BeatAsync();
        var beforeLapse = await liveNode.TakeLapsedAsync();
        clock.Advance(Options.NodeTimeout / 2 + TimeSpan.FromSeconds(1));
        var (first, second) = (await liveNode.TakeLapsedAsync(), await otherLiveNode.TakeLapsedAsync());

        Assert.DoesNotContain(beforeLapse, l => l.UserId == crashed);
        var lapsed = Assert.Single(first.Concat(second), l => l.UserId is var id && (id == crashed || id == alsoElsewhere || id == leftEarlier || id == alive));
        Assert.Equal(new LapsedUser(crashed, connectedAt.UtcDateTime), lapsed);
        var online = await otherLiveNode.OnlineAmongAsync([crashed, alsoElsewhere, leftEarlier, alive]);
        Assert.Equal(new[] { alsoElsewhere, alive }.Order(), online.Order());
    }

    [Fact]
    public async Task Beat_NodeCutOffForLongerThanItsTimeout_ReturnsOnceThePeopleOthersTookForLapsed()
    {
        redis.SkipIfUnavailable();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var clock = new ManualClock(WholeMilliseconds(DateTimeOffset.UtcNow));
        var (cutOffNode, liveNode) = (new RedisPresenceTracker(connection, clock, Options), new RedisPresenceTracker(connection, clock, Options));
        var (stranded, leftMeanwhile, cameAfter) = (NewId(), NewId(), NewId());
        await cutOffNode.ConnectedAsync(stranded, "cut-1");
        await cutOffNode.ConnectedAsync(leftMeanwhile, "cut-2");

        // The cut-off node misses its beats; a live node's sweep takes its people for lapsed.
        clock.Advance(Options.NodeTimeout + TimeSpan.FromSeconds(1));
        var swept = await liveNode.TakeLapsedAsync();
        await cutOffNode.DisconnectedAsync(leftMeanwhile, "cut-2");
        await cutOffNode.ConnectedAsync(cameAfter, "cut-3");
        var returned = await cutOffNode.BeatAsync();
        var returnedAgain = await cutOffNode.BeatAsync();
        var sweptAgain = await liveNode.TakeLapsedAsync();

        Assert.Equal(new[] { leftMeanwhile, stranded }.Order(), swept.Select(l => l.UserId).Where(id => id == stranded || id == leftMeanwhile).Order());
        Assert.Equal([stranded], returned);
        Assert.Empty(returnedAgain);
        Assert.DoesNotContain(sweptAgain, l => l.UserId == stranded);
        Assert.Equal(new[] { cameAfter, stranded }.Order(), (await liveNode.OnlineAmongAsync([stranded, leftMeanwhile, cameAfter])).Order());
    }

    private static readonly RedisPresenceOptions Options = new() { NodeName = "test-node" };

    private static string NewId() => Guid.NewGuid().ToString();

    private static DateTimeOffset WholeMilliseconds(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
}
