using ChatWeb.Domain.Presence;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ChatWeb.Tests.Integration.ScaleOut;

/// <summary>What the presence service announces when a node dies or is cut off from Redis.</summary>
public sealed class RedisPresenceAnnouncementTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnnounceLapsed_PersonOnANodeThatDied_IsAnnouncedOfflineToTheirCircle_WithWhenTheyWereLastSeen()
    {
        redis.SkipIfUnavailable();
        await using var nodes = await TwoPresenceNodes.StartAsync(redis, Ct);
        var connectedAt = nodes.Clock.GetUtcNow().UtcDateTime;
        await nodes.TroubledTracker.ConnectedAsync(nodes.Ann.Id, "ann-on-the-dead-node");

        nodes.LetEntriesLapse();
        await nodes.Live.AnnounceLapsedAsync(Ct);
        await nodes.Live.AnnounceLapsedAsync(Ct);

        var change = Assert.Single(nodes.Notifier.PresenceChanges);
        Assert.Equal(new PresenceView(nodes.Ann.UserName, false, connectedAt), change.Presence);
        Assert.Equal([nodes.Bob.Id], change.UserIds);
        await using var db = await nodes.Store.OpenAsync(Ct);
        Assert.Equal(connectedAt, await db.Users.Where(u => u.Id == nodes.Ann.Id).Select(u => u.LastSeenAt).SingleAsync(Ct));
    }

    [Fact]
    public async Task AnnounceReturned_PersonAnnouncedOfflineWhileTheirNodeWasCutOff_IsAnnouncedOnlineAgain()
    {
        redis.SkipIfUnavailable();
        await using var nodes = await TwoPresenceNodes.StartAsync(redis, Ct);
        await nodes.Troubled.DeviceConnectedAsync(nodes.Ann.Id, "ann-on-the-cut-off-node", Ct);
        nodes.Notifier.Clear();

        nodes.LetEntriesLapse();
        await nodes.Live.AnnounceLapsedAsync(Ct);
        await nodes.Troubled.AnnounceReturnedAsync(await nodes.TroubledTracker.BeatAsync(), Ct);

        Assert.Equal([false, true], nodes.Notifier.PresenceChanges.Select(c => c.Presence.IsOnline));
        Assert.All(nodes.Notifier.PresenceChanges, c => Assert.Equal([nodes.Bob.Id], c.UserIds));
        Assert.True(Assert.Single(await nodes.Live.GetAsync([nodes.Ann.UserName], Ct)).IsOnline);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnnounceReturned_FailedOnce_AnnouncedOnTheNextBeatUnlessTheyLeftMeanwhile(bool leavesMeanwhile)
    {
        redis.SkipIfUnavailable();
        await using var nodes = await TwoPresenceNodes.StartAsync(redis, Ct);
        await nodes.Troubled.DeviceConnectedAsync(nodes.Ann.Id, "ann-on-the-cut-off-node", Ct);
        nodes.LetEntriesLapse();
        await nodes.Live.AnnounceLapsedAsync(Ct);
        nodes.Notifier.Clear();

        nodes.FailNextAnnouncement();
        await Assert.ThrowsAsync<IOException>(async () =>
            await nodes.Troubled.AnnounceReturnedAsync(await nodes.TroubledTracker.BeatAsync(), Ct));
        if (leavesMeanwhile)
        {
            await nodes.Troubled.DeviceDisconnectedAsync(nodes.Ann.Id, "ann-on-the-cut-off-node", Ct);
        }
        await nodes.Troubled.AnnounceReturnedAsync(await nodes.TroubledTracker.BeatAsync(), Ct);
        await nodes.Troubled.AnnounceReturnedAsync([], Ct);

        // Leaving announces offline on its own; the owed "online" must not follow it.
        Assert.Equal([!leavesMeanwhile], nodes.Notifier.PresenceChanges.Select(c => c.Presence.IsOnline));
    }

    [Fact]
    public async Task AnnounceLapsed_FailedOnce_AnnouncedOnceOnTheNextBeat()
    {
        redis.SkipIfUnavailable();
        await using var nodes = await TwoPresenceNodes.StartAsync(redis, Ct);
        await nodes.Troubled.DeviceConnectedAsync(nodes.Ann.Id, "ann-on-the-dead-node", Ct);
        var lastVouched = nodes.Clock.GetUtcNow().UtcDateTime;
        nodes.Notifier.Clear();
        nodes.LetEntriesLapse();

        nodes.FailNextAnnouncement();
        await Assert.ThrowsAsync<IOException>(() => nodes.Live.AnnounceLapsedAsync(Ct));
        await nodes.Live.AnnounceLapsedAsync(Ct);
        await nodes.Live.AnnounceLapsedAsync(Ct);

        var change = Assert.Single(nodes.Notifier.PresenceChanges);
        Assert.Equal((false, lastVouched), (change.Presence.IsOnline, change.Presence.LastSeenAt));
        Assert.Equal([nodes.Bob.Id], change.UserIds);
    }

    [Fact]
    public async Task AnnounceLapsed_PersonCameBackAndLeftLaterMeanwhile_LastSeenKeepsTheLaterTime()
    {
        redis.SkipIfUnavailable();
        await using var nodes = await TwoPresenceNodes.StartAsync(redis, Ct);
        await nodes.Troubled.DeviceConnectedAsync(nodes.Ann.Id, "ann-on-the-dead-node", Ct);
        nodes.LetEntriesLapse();
        nodes.FailNextAnnouncement();
        await Assert.ThrowsAsync<IOException>(() => nodes.Live.AnnounceLapsedAsync(Ct));

        // Back on the live node, and gone again, before the owed announcement is retried.
        await nodes.Live.DeviceConnectedAsync(nodes.Ann.Id, "ann-on-the-live-node", Ct);
        nodes.Clock.Advance(TimeSpan.FromMinutes(1));
        await nodes.Live.DeviceDisconnectedAsync(nodes.Ann.Id, "ann-on-the-live-node", Ct);
        var left = nodes.Clock.GetUtcNow().UtcDateTime;
        await nodes.Live.AnnounceLapsedAsync(Ct);

        Assert.Equal(left, Assert.Single(await nodes.Live.GetAsync([nodes.Ann.UserName], Ct)).LastSeenAt);
    }
}
