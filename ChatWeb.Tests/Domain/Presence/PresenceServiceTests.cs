using ChatWeb.Domain.Presence;
using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ChatWeb.Tests.Domain.Presence;

public sealed class PresenceServiceTests : DomainTest
{
    [Fact]
    public async Task DeviceConnectedAsync_TwoDevices_AnnouncesOnlineOnce()
    {
        var (me, friend) = await FriendsAsync();

        await Db.Presence.DeviceConnectedAsync(me.Id, "laptop", Ct);
        await Db.Presence.DeviceConnectedAsync(me.Id, "phone", Ct);

        var change = Assert.Single(Db.Notifier.PresenceChanges);
        Assert.Equal((me.UserName, true), (change.Presence.UserName, change.Presence.IsOnline));
        Assert.Equal([friend.Id], change.UserIds);
        Assert.True(Assert.Single(await Db.Presence.GetAsync([me.UserName], Ct)).IsOnline);
    }

    [Fact]
    public async Task DeviceDisconnectedAsync_OneOfTwoDevices_StaysOnlineAndAnnouncesNothing()
    {
        var (me, _) = await FriendsAsync();
        await Db.Presence.DeviceConnectedAsync(me.Id, "laptop", Ct);
        await Db.Presence.DeviceConnectedAsync(me.Id, "phone", Ct);
        Db.Notifier.Clear();

        await Db.Presence.DeviceDisconnectedAsync(me.Id, "laptop", Ct);

        Assert.Empty(Db.Notifier.PresenceChanges);
        var presence = Assert.Single(await Db.Presence.GetAsync([me.UserName], Ct));
        Assert.Equal((true, (DateTime?)null), (presence.IsOnline, presence.LastSeenAt));
    }

    [Fact]
    public async Task DeviceDisconnectedAsync_LastDevice_GoesOfflineAndStoresLastSeen()
    {
        var (me, friend) = await FriendsAsync();
        await Db.Presence.DeviceConnectedAsync(me.Id, "laptop", Ct);
        await Db.Presence.DeviceConnectedAsync(me.Id, "phone", Ct);
        await Db.Presence.DeviceDisconnectedAsync(me.Id, "laptop", Ct);
        Db.Clock.Advance(TimeSpan.FromMinutes(42));
        Db.Notifier.Clear();

        await Db.Presence.DeviceDisconnectedAsync(me.Id, "phone", Ct);

        var expectedLastSeen = TestClock.Start.AddMinutes(42);
        var change = Assert.Single(Db.Notifier.PresenceChanges);
        Assert.Equal(new PresenceView(me.UserName, false, expectedLastSeen), change.Presence);
        Assert.Equal([friend.Id], change.UserIds);
        Assert.Equal(new PresenceView(me.UserName, false, expectedLastSeen), Assert.Single(await Db.Presence.GetAsync([me.UserName], Ct)));
        await using var db = await Db.OpenAsync(Ct);
        Assert.Equal(expectedLastSeen, await db.Users.Where(u => u.Id == me.Id).Select(u => u.LastSeenAt).SingleAsync(Ct));
    }

    [Fact]
    public async Task DeviceDisconnectedAsync_UnknownConnection_ChangesNothing()
    {
        var (me, _) = await FriendsAsync();
        await Db.Presence.DeviceConnectedAsync(me.Id, "laptop", Ct);
        Db.Notifier.Clear();
        var before = await Db.StateAsync(Ct);

        await Db.Presence.DeviceDisconnectedAsync(me.Id, "never-connected", Ct);

        Assert.Empty(Db.Notifier.PresenceChanges);
        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
        Assert.True(Assert.Single(await Db.Presence.GetAsync([me.UserName], Ct)).IsOnline);
    }

    [Fact]
    public async Task DeviceConnectedAsync_Audience_IsThoseWhoShareAThreadOrAContactButNotStrangers()
    {
        var people = await Db.CreateUsersAsync(
            [("Me", null), ("Thread Mate", null), ("Group Mate", null), ("My Contact", null), ("Fan", null), ("Stranger", null)], Ct);
        var (me, threadMate, groupMate, myContact, fan, stranger) = (people[0], people[1], people[2], people[3], people[4], people[5]);
        await Db.Conversations.OpenDirectAsync(me.Id, threadMate.UserName, Ct);
        await Db.Conversations.CreateGroupAsync(groupMate.Id, "Team", [me.UserName], Ct);
        await Db.Contacts.AddAsync(me.Id, myContact.UserName, Ct);
        await Db.Contacts.AddAsync(fan.Id, me.UserName, Ct);
        // The stranger is close to my circle, yet shares nothing with me.
        await Db.Conversations.OpenDirectAsync(stranger.Id, threadMate.UserName, Ct);
        await Db.Contacts.AddAsync(stranger.Id, myContact.UserName, Ct);
        await Db.Contacts.AddAsync(groupMate.Id, stranger.UserName, Ct);
        Db.Notifier.Clear();

        await Db.Presence.DeviceConnectedAsync(me.Id, "laptop", Ct);

        var change = Assert.Single(Db.Notifier.PresenceChanges);
        Assert.Equal(new[] { threadMate.Id, groupMate.Id, myContact.Id, fan.Id }.Order(), change.UserIds.Order());
    }

    [Fact]
    public async Task DeviceConnectedAsync_PersonInSeveralOfMyCircles_IsToldOnce()
    {
        var (me, friend) = await FriendsAsync();
        await Db.Contacts.AddAsync(me.Id, friend.UserName, Ct);
        await Db.Contacts.AddAsync(friend.Id, me.UserName, Ct);
        await Db.Conversations.CreateGroupAsync(me.Id, "Us", [friend.UserName], Ct);
        Db.Notifier.Clear();

        await Db.Presence.DeviceConnectedAsync(me.Id, "laptop", Ct);

        Assert.Equal([friend.Id], Assert.Single(Db.Notifier.PresenceChanges).UserIds);
    }

    [Fact]
    public async Task DeviceConnectedAsync_NobodyToTell_AnnouncesNothingButIsOnline()
    {
        var loner = await Db.CreateUserAsync("Loner", ct: Ct);

        await Db.Presence.DeviceConnectedAsync(loner.Id, "laptop", Ct);

        Assert.Empty(Db.Notifier.PresenceChanges);
        Assert.True(Assert.Single(await Db.Presence.GetAsync([loner.UserName.ToUpperInvariant()], Ct)).IsOnline);
    }

    [Fact]
    public async Task DeviceDisconnectedAsync_ManyLastDevicesAtOnce_StoresAndAnnouncesEachOneOffline()
    {
        var watcher = await Db.CreateUserAsync("Watcher", ct: Ct);
        var people = await Db.CreateUsersAsync(Enumerable.Range(1, 60).Select(i => ($"Person {i}", (string?)null)).ToList(), Ct);
        var group = await Db.Conversations.CreateGroupAsync(watcher.Id, "Everyone", people.Select(p => p.UserName).ToList(), Ct);
        foreach (var person in people)
        {
            await Db.Presence.DeviceConnectedAsync(person.Id, $"device-{person.Id}", Ct);
        }
        Db.Clock.Advance(TimeSpan.FromMinutes(5));
        Db.Notifier.Clear();

        // A node going down: every last device drops at the same moment.
        await Concurrently.RunAsync(people.Count, async i =>
        {
            await Db.Presence.DeviceDisconnectedAsync(people[i].Id, $"device-{people[i].Id}", Ct);
            return i;
        });

        var lastSeen = TestClock.Start.AddMinutes(5);
        var announced = Db.Notifier.PresenceChanges.Select(c => c.Presence).ToList();
        Assert.Equal(people.Select(p => p.UserName).Order(), announced.Select(p => p.UserName).Order());
        Assert.All(announced, p => Assert.Equal((false, lastSeen), (p.IsOnline, p.LastSeenAt)));
        await using var db = await Db.OpenAsync(Ct);
        var ids = people.Select(p => p.Id).ToList();
        Assert.Equal(Enumerable.Repeat<DateTime?>(lastSeen, people.Count), await db.Users.Where(u => ids.Contains(u.Id)).Select(u => u.LastSeenAt).ToListAsync(Ct));
    }

    /// <summary>Two people who share a direct thread, so each is in the other's audience.</summary>
    private async Task<(TestUser Me, TestUser Friend)> FriendsAsync()
    {
        var people = await Db.CreateUsersAsync([("Me", null), ("Friend", null), ("Stranger", null)], Ct);
        await Db.Conversations.OpenDirectAsync(people[0].Id, people[1].UserName, Ct);
        Db.Notifier.Clear();
        return (people[0], people[1]);
    }
}
