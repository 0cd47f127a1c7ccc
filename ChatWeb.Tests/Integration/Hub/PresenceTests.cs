using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Presence;
using ChatWeb.Tests.Infrastructure;

using Xunit;

namespace ChatWeb.Tests.Integration.Hub;

public sealed class PresenceTests(ChatWebFactory factory) : IClassFixture<ChatWebFactory>
{
    [Fact]
    public async Task Disconnect_BobsLastConnectionStops_AliceSeesHimOfflineWithLastSeen()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var aliceDevice = await HubTestClient.ConnectAsync(factory, alice);
        await aliceDevice.InvokeAsync<ThreadSummary>("OpenDirect", bob);
        var bobPhone = await HubTestClient.ConnectAsync(factory, bob);
        var bobLaptop = await HubTestClient.ConnectAsync(factory, bob);
        // A connection's calls run only after the hub has seen it connect: once each device has
        // had an answer, both count for Bob, whatever order the server handled them in.
        await bobPhone.InvokeAsync<List<PresenceView>>("GetPresence", (object)new[] { bob });
        await bobLaptop.InvokeAsync<List<PresenceView>>("GetPresence", (object)new[] { bob });
        await aliceDevice.NextAsync<PresenceView>(p => p.UserName == bob && p.IsOnline);

        await bobPhone.DisposeAsync();
        var stillOnline = await aliceDevice.InvokeAsync<List<PresenceView>>("GetPresence", (object)new[] { bob });
        await bobLaptop.DisposeAsync();
        var offline = await aliceDevice.NextAsync<PresenceView>(p => p.UserName == bob);

        Assert.True(stillOnline.Single().IsOnline);
        Assert.False(offline.IsOnline);
        Assert.NotNull(offline.LastSeenAt);
        var lookedUp = await aliceDevice.InvokeAsync<List<PresenceView>>("GetPresence", (object)new[] { bob });
        Assert.False(lookedUp.Single().IsOnline);
    }

    [Fact]
    public async Task Connect_StrangerComesOnline_NoPresenceEventReachesPeopleWhoShareNothing()
    {
        var (alice, stranger, friend) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var aliceDevice = await HubTestClient.ConnectAsync(factory, alice);
        await aliceDevice.InvokeAsync<ThreadSummary>("OpenDirect", friend);

        await using var strangerDevice = await HubTestClient.ConnectAsync(factory, stranger);
        await using var friendDevice = await HubTestClient.ConnectAsync(factory, friend);
        var heard = await aliceDevice.CollectUntilAsync<PresenceView>(p => p.UserName == friend);

        Assert.DoesNotContain(heard, p => p.UserName == stranger);
    }
}
