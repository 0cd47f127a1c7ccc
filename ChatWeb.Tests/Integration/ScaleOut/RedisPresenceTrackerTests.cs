using ChatWeb.Domain.Presence;
using ChatWeb.Scaling;
using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.EntityFrameworkCore;
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

    [Fact]
    public async Task TakeLapsed_NodeDiedWithoutGoodbye_HandsEachOfItsPeopleToOneNodeOnce()
    {
        redis.SkipIfUnavailable();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var clock = new ManualClock(WholeMilliseconds(DateTimeOffset.UtcNow));
        var deadNode = new RedisPresenceTracker(connection, clock);
        var (liveNode, otherLiveNode) = (new RedisPresenceTracker(connection, clock), new RedisPresenceTracker(connection, clock));
        var (crashed, alsoElsewhere, leftEarlier, alive) = (NewId(), NewId(), NewId(), NewId());
        var connectedAt = clock.GetUtcNow();
        await deadNode.ConnectedAsync(crashed, "dead-1");
        await deadNode.ConnectedAsync(alsoElsewhere, "dead-2");
        await liveNode.ConnectedAsync(alsoElsewhere, "live-2");
        await deadNode.ConnectedAsync(leftEarlier, "dead-3");
        await deadNode.DisconnectedAsync(leftEarlier, "dead-3");
        await liveNode.ConnectedAsync(alive, "live-1");

        clock.Advance(RedisPresenceTracker.EntryLifetime / 2);
        await liveNode.RefreshLocalConnectionsAsync();
        var beforeLapse = await liveNode.TakeLapsedAsync();
        clock.Advance(RedisPresenceTracker.EntryLifetime / 2 + TimeSpan.FromSeconds(1));
        var (first, second) = (await liveNode.TakeLapsedAsync(), await otherLiveNode.TakeLapsedAsync());

        Assert.DoesNotContain(beforeLapse, l => l.UserId == crashed);
        var lapsed = Assert.Single(first.Concat(second), l => l.UserId is var id && (id == crashed || id == alsoElsewhere || id == leftEarlier || id == alive));
        Assert.Equal(new LapsedUser(crashed, connectedAt.UtcDateTime), lapsed);
        var online = await otherLiveNode.OnlineAmongAsync([crashed, alsoElsewhere, leftEarlier, alive]);
        Assert.Equal(new[] { alsoElsewhere, alive }.Order(), online.Order());
    }

    [Fact]
    public async Task AnnounceLapsed_PersonOnANodeThatDied_IsAnnouncedOfflineToTheirCircle_WithWhenTheyWereLastSeen()
    {
        redis.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        await using var store = await DomainTestDatabase.CreateAsync(ct);
        var (ann, bob) = await AnnAndBobInADirectThreadAsync(store, ct);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var clock = new ManualClock(WholeMilliseconds(DateTimeOffset.UtcNow));
        var deadNode = new RedisPresenceTracker(connection, clock);
        using var presenceOnLiveNode = new PresenceService(store.Factory, new RedisPresenceTracker(connection, clock), store.Notifier, clock);
        var connectedAt = clock.GetUtcNow().UtcDateTime;
        await deadNode.ConnectedAsync(ann.Id, "ann-on-the-dead-node");
        store.Notifier.Clear();

        clock.Advance(RedisPresenceTracker.EntryLifetime + TimeSpan.FromSeconds(1));
        await presenceOnLiveNode.AnnounceLapsedAsync(ct);
        await presenceOnLiveNode.AnnounceLapsedAsync(ct);

        var change = Assert.Single(store.Notifier.PresenceChanges);
        Assert.Equal(new PresenceView(ann.UserName, false, connectedAt), change.Presence);
        Assert.Equal([bob.Id], change.UserIds);
        await using var db = await store.OpenAsync(ct);
        Assert.Equal(connectedAt, await db.Users.Where(u => u.Id == ann.Id).Select(u => u.LastSeenAt).SingleAsync(ct));
    }

    [Fact]
    public async Task Refresh_NodeCutOffForLongerThanALifetime_ReturnsOnceThePeopleOthersTookForLapsed()
    {
        redis.SkipIfUnavailable();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var clock = new ManualClock(WholeMilliseconds(DateTimeOffset.UtcNow));
        var (cutOffNode, liveNode) = (new RedisPresenceTracker(connection, clock), new RedisPresenceTracker(connection, clock));
        var (stranded, leftMeanwhile, cameAfter) = (NewId(), NewId(), NewId());
        await cutOffNode.ConnectedAsync(stranded, "cut-1");
        await cutOffNode.ConnectedAsync(leftMeanwhile, "cut-2");

        // The cut-off node misses its refreshes; a live node's sweep takes its people for lapsed.
        clock.Advance(RedisPresenceTracker.EntryLifetime + TimeSpan.FromSeconds(1));
        var swept = await liveNode.TakeLapsedAsync();
        await cutOffNode.DisconnectedAsync(leftMeanwhile, "cut-2");
        await cutOffNode.ConnectedAsync(cameAfter, "cut-3");
        var returned = await cutOffNode.RefreshLocalConnectionsAsync();
        var returnedAgain = await cutOffNode.RefreshLocalConnectionsAsync();
        var sweptAgain = await liveNode.TakeLapsedAsync();

        Assert.Equal(new[] { leftMeanwhile, stranded }.Order(), swept.Select(l => l.UserId).Where(id => id == stranded || id == leftMeanwhile).Order());
        Assert.Equal([stranded], returned);
        Assert.Empty(returnedAgain);
        Assert.DoesNotContain(sweptAgain, l => l.UserId == stranded);
        Assert.Equal(new[] { cameAfter, stranded }.Order(), (await liveNode.OnlineAmongAsync([stranded, leftMeanwhile, cameAfter])).Order());
    }

    [Fact]
    public async Task AnnounceReturned_PersonAnnouncedOfflineWhileTheirNodeWasCutOff_IsAnnouncedOnlineAgain()
    {
        redis.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        await using var store = await DomainTestDatabase.CreateAsync(ct);
        var (ann, bob) = await AnnAndBobInADirectThreadAsync(store, ct);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var clock = new ManualClock(WholeMilliseconds(DateTimeOffset.UtcNow));
        var cutOffTracker = new RedisPresenceTracker(connection, clock);
        using var presenceOnCutOffNode = new PresenceService(store.Factory, cutOffTracker, store.Notifier, clock);
        using var presenceOnLiveNode = new PresenceService(store.Factory, new RedisPresenceTracker(connection, clock), store.Notifier, clock);
        await presenceOnCutOffNode.DeviceConnectedAsync(ann.Id, "ann-on-the-cut-off-node", ct);
        store.Notifier.Clear();

        clock.Advance(RedisPresenceTracker.EntryLifetime + TimeSpan.FromSeconds(1));
        await presenceOnLiveNode.AnnounceLapsedAsync(ct);
        await presenceOnCutOffNode.AnnounceReturnedAsync(await cutOffTracker.RefreshLocalConnectionsAsync(), ct);

        Assert.Equal([false, true], store.Notifier.PresenceChanges.Select(c => c.Presence.IsOnline));
        Assert.All(store.Notifier.PresenceChanges, c => Assert.Equal([bob.Id], c.UserIds));
        Assert.True(Assert.Single(await presenceOnLiveNode.GetAsync([ann.UserName], ct)).IsOnline);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnnounceReturned_FailedOnce_AnnouncedOnTheNextBeatUnlessTheyLeftMeanwhile(bool leavesMeanwhile)
    {
        redis.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        await using var store = await DomainTestDatabase.CreateAsync(ct);
        var (ann, _) = await AnnAndBobInADirectThreadAsync(store, ct);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var clock = new ManualClock(WholeMilliseconds(DateTimeOffset.UtcNow));
        var cutOffTracker = new RedisPresenceTracker(connection, clock);
        using var presenceOnCutOffNode = new PresenceService(store.Factory, cutOffTracker, store.Notifier, clock);
        using var presenceOnLiveNode = new PresenceService(store.Factory, new RedisPresenceTracker(connection, clock), store.Notifier, clock);
        await presenceOnCutOffNode.DeviceConnectedAsync(ann.Id, "ann-on-the-cut-off-node", ct);
        clock.Advance(RedisPresenceTracker.EntryLifetime + TimeSpan.FromSeconds(1));
        await presenceOnLiveNode.AnnounceLapsedAsync(ct);
        store.Notifier.Clear();

        FailNextAnnouncement(store.Notifier);
        await Assert.ThrowsAsync<IOException>(async () =>
            await presenceOnCutOffNode.AnnounceReturnedAsync(await cutOffTracker.RefreshLocalConnectionsAsync(), ct));
        if (leavesMeanwhile)
        {
            await presenceOnCutOffNode.DeviceDisconnectedAsync(ann.Id, "ann-on-the-cut-off-node", ct);
        }
        await presenceOnCutOffNode.AnnounceReturnedAsync(await cutOffTracker.RefreshLocalConnectionsAsync(), ct);
        await presenceOnCutOffNode.AnnounceReturnedAsync([], ct);

        Assert.Equal([!leavesMeanwhile], store.Notifier.PresenceChanges.Select(c => c.Presence.IsOnline));
    }

    [Fact]
    public async Task AnnounceLapsed_FailedOnce_AnnouncedOnceOnTheNextBeat()
    {
        redis.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        await using var store = await DomainTestDatabase.CreateAsync(ct);
        var (ann, bob) = await AnnAndBobInADirectThreadAsync(store, ct);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var clock = new ManualClock(WholeMilliseconds(DateTimeOffset.UtcNow));
        using var presenceOnDeadNode = new PresenceService(store.Factory, new RedisPresenceTracker(connection, clock), store.Notifier, clock);
        using var presenceOnLiveNode = new PresenceService(store.Factory, new RedisPresenceTracker(connection, clock), store.Notifier, clock);
        await presenceOnDeadNode.DeviceConnectedAsync(ann.Id, "ann-on-the-dead-node", ct);
        var lastVouched = clock.GetUtcNow().UtcDateTime;
        store.Notifier.Clear();
        clock.Advance(RedisPresenceTracker.EntryLifetime + TimeSpan.FromSeconds(1));

        FailNextAnnouncement(store.Notifier);
        await Assert.ThrowsAsync<IOException>(() => presenceOnLiveNode.AnnounceLapsedAsync(ct));
        await presenceOnLiveNode.AnnounceLapsedAsync(ct);
        await presenceOnLiveNode.AnnounceLapsedAsync(ct);

        var change = Assert.Single(store.Notifier.PresenceChanges);
        Assert.Equal((false, lastVouched), (change.Presence.IsOnline, change.Presence.LastSeenAt));
        Assert.Equal([bob.Id], change.UserIds);
    }

    [Fact]
    public async Task AnnounceLapsed_PersonCameBackAndLeftLaterMeanwhile_LastSeenKeepsTheLaterTime()
    {
        redis.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        await using var store = await DomainTestDatabase.CreateAsync(ct);
        var (ann, _) = await AnnAndBobInADirectThreadAsync(store, ct);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var clock = new ManualClock(WholeMilliseconds(DateTimeOffset.UtcNow));
        using var presenceOnDeadNode = new PresenceService(store.Factory, new RedisPresenceTracker(connection, clock), store.Notifier, clock);
        using var presenceOnLiveNode = new PresenceService(store.Factory, new RedisPresenceTracker(connection, clock), store.Notifier, clock);
        await presenceOnDeadNode.DeviceConnectedAsync(ann.Id, "ann-on-the-dead-node", ct);
        clock.Advance(RedisPresenceTracker.EntryLifetime + TimeSpan.FromSeconds(1));
        FailNextAnnouncement(store.Notifier);
        await Assert.ThrowsAsync<IOException>(() => presenceOnLiveNode.AnnounceLapsedAsync(ct));

        // Back on the live node, and gone again, before the owed announcement is retried.
        await presenceOnLiveNode.DeviceConnectedAsync(ann.Id, "ann-on-the-live-node", ct);
        clock.Advance(TimeSpan.FromMinutes(1));
        await presenceOnLiveNode.DeviceDisconnectedAsync(ann.Id, "ann-on-the-live-node", ct);
        var left = clock.GetUtcNow().UtcDateTime;
        await presenceOnLiveNode.AnnounceLapsedAsync(ct);

        Assert.Equal(left, Assert.Single(await presenceOnLiveNode.GetAsync([ann.UserName], ct)).LastSeenAt);
    }

    /// <summary>The next announcement fails at its last step, as a database that failed there would make it fail (the real notifier logs push failures instead).</summary>
    private static void FailNextAnnouncement(RecordingChatNotifier notifier)
    {
        var failed = 0;
        notifier.OnPresenceChanged = _ => Interlocked.Exchange(ref failed, 1) == 0
            ? throw new IOException("The push failed.")
            : Task.CompletedTask;
    }

    private static async Task<(TestUser Ann, TestUser Bob)> AnnAndBobInADirectThreadAsync(DomainTestDatabase store, CancellationToken ct)
    {
        var (ann, bob) = (await store.CreateUserAsync("Ann", ct: ct), await store.CreateUserAsync("Bob", ct: ct));
        await store.Conversations.OpenDirectAsync(ann.Id, bob.UserName, ct);
        return (ann, bob);
    }

    private static string NewId() => Guid.NewGuid().ToString();

    private static DateTimeOffset WholeMilliseconds(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
}
