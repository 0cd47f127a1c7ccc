using System.Net;
using System.Net.Http.Headers;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Presence;
using ChatWeb.Tests.Infrastructure;
using ChatWeb.Tests.Integration.Hub;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace ChatWeb.Tests.Integration.ScaleOut;

/// <summary>An administrator on one node deactivates a person whose sessions live on the other: they end at once.</summary>
public sealed class DeactivationAcrossNodesTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deactivate_OnNodeOne_ClosesHubConnectionAndRefusesBearerTokenOnNodeTwo()
    {
        redis.SkipIfUnavailable();
        await using var nodeOne = new NodeFactory(redis.Configuration, sharedDatabase: null);
        await using var nodeTwo = new NodeFactory(redis.Configuration, sharedDatabase: nodeOne.DatabasePath);
        var admin = await nodeOne.RegisterAdminAsync();
        var (ann, bob) = (await nodeOne.RegisterUserAsync(), await nodeOne.RegisterUserAsync());
        await using var bobDevice = await HubTestClient.ConnectAsync(nodeOne, bob);
        await bobDevice.InvokeAsync<ThreadSummary>("OpenDirect", ann);
        // Ann's token, her live connection and her API calls are all on node two.
        var annsToken = await nodeTwo.GetBearerTokenAsync(ann);
        await using var annDevice = await HubTestClient.ConnectAsync(nodeTwo, ann);
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        annDevice.Connection.Closed += error => { closed.TrySetResult(error); return Task.CompletedTask; };
        await bobDevice.NextAsync<PresenceView>(p => p.UserName == ann && p.IsOnline);
        using var annsApi = BearerClient(nodeTwo, annsToken);
        using var before = await annsApi.GetAsync("/api/auth/manage/info", Ct);
        using var adminApi = await nodeOne.CreateBearerClientAsync(admin);

        using var deactivated = await adminApi.PostAsync($"/api/admin/people/{ann}/deactivate", null, Ct);
        using var after = await annsApi.GetAsync("/api/auth/manage/info", Ct);
        await closed.Task.WaitAsync(Patience, Ct);
        var offline = await bobDevice.NextAsync<PresenceView>(p => p.UserName == ann && !p.IsOnline);
        await using var annAgain = HubConnectionWithToken(nodeTwo, annsToken);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => annAgain.StartAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HubConnectionState.Disconnected, annDevice.Connection.State);
        Assert.False(offline.IsOnline);
        Assert.Contains("401", refused.Message);
    }

    private static HttpClient BearerClient(ChatWebFactory node, string token)
    {
        var client = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static HubConnection HubConnectionWithToken(ChatWebFactory node, string token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(node.Server.BaseAddress, "hubs/chat"), o =>
            {
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => node.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();

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
