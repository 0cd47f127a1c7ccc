using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Presence;
using ChatWeb.Tests.Infrastructure;
using ChatWeb.Tests.Integration.Hub;
using Microsoft.AspNetCore.Hosting;
using Xunit;

namespace ChatWeb.Tests.Integration.ScaleOut;

/// <summary>Two ChatWeb nodes on one database and one Redis, as behind a load balancer.</summary>
public sealed class TwoNodeTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task SendMessage_PeopleOnDifferentNodes_DeliveredAcrossTheBackplaneWithPresence()
    {
        redis.SkipIfUnavailable();
        await using var nodeOne = new NodeFactory(redis.Configuration, sharedDatabase: null);
        await using var nodeTwo = new NodeFactory(redis.Configuration, sharedDatabase: nodeOne.DatabasePath);
        var (alice, bob) = (await nodeOne.RegisterUserAsync(), await nodeOne.RegisterUserAsync());
        await using var aliceDevice = await HubTestClient.ConnectAsync(nodeOne, alice);
        var thread = await aliceDevice.InvokeAsync<ThreadSummary>("OpenDirect", bob);

        // Bob's token comes from node two, his connection lands on node two: shared keys make either work.
        await using var bobDevice = await HubTestClient.ConnectAsync(nodeTwo, bob);
        var bobOnline = await aliceDevice.NextAsync<PresenceView>(p => p.UserName == bob);
        var sent = await bobDevice.InvokeAsync<ChatMessage>("SendMessage", thread.Id.ToString(), "x-node", "hello from node two");
        var received = await aliceDevice.NextAsync<ChatMessage>(m => m.Id == sent.Id);
        var presenceSeenFromNodeOne = await aliceDevice.InvokeAsync<List<PresenceView>>("GetPresence", (object)new[] { bob });

        Assert.True(bobOnline.IsOnline);
        Assert.Equal("hello from node two", received.Body);
        Assert.True(Assert.Single(presenceSeenFromNodeOne).IsOnline);
    }

    private sealed class NodeFactory(string redisConfiguration, string? sharedDatabase) : ChatWebFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            builder.UseSetting("Redis:Configuration", redisConfiguration);
            if (sharedDatabase is not null)
            {
                builder.UseSetting("ConnectionStrings:Chat", $"Data Source={sharedDatabase}");
            }
        }
    }
}
