using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using ChatWeb.Tests.Infrastructure;
using ChatWeb.Tests.Integration.Hub;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatWeb.Tests.Integration;

/// <summary>
/// One allowance per person, whatever the path: the browser's circuit sends through MessageService in
/// the server's process, scripts through the hub; both draw on the same bucket.
/// </summary>
public sealed class SendQuotaPathTests(SendQuotaPathTests.SmallBucketFactory factory) : IClassFixture<SendQuotaPathTests.SmallBucketFactory>
{
    /// <summary>Ten sends at once, one more a second: small enough that timing on a busy machine cannot blur it.</summary>
    public sealed class SmallBucketFactory : ChatWebFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            builder.UseSetting("Realtime:SendRateLimit:Burst", "10");
            builder.UseSetting("Realtime:SendRateLimit:PerSecond", "1");
        }
    }

    [Fact]
    public async Task SendAsync_BucketDrainedThroughTheHub_BrowserSendsRefusedToo()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var script = await HubTestClient.ConnectAsync(factory, alice);
        var thread = await script.InvokeAsync<ThreadSummary>("OpenDirect", bob);
        var circuitPath = factory.Services.GetRequiredService<MessageService>();
        var aliceId = await UserIdAsync(alice);

        var started = DateTime.UtcNow;
        var viaHub = 0;
        for (var i = 0; i < 10; i++)
        {
            viaHub += await Accepted(() => script.InvokeAsync<ChatMessage>("SendMessage", thread.Id.ToString(), $"hub-{i}", $"hub {i}")) ? 1 : 0;
        }
        var viaCircuit = 0;
        for (var i = 0; i < 10; i++)
        {
            viaCircuit += await Accepted(() => circuitPath.SendAsync(aliceId, thread.Id, $"circuit-{i}", $"circuit {i}", TestContext.Current.CancellationToken)) ? 1 : 0;
        }
        var seconds = (DateTime.UtcNow - started).TotalSeconds;

        Assert.InRange(viaHub + viaCircuit, 10, 10 + (int)Math.Ceiling(seconds));
        Assert.True(viaCircuit < 10, "Every browser send went through a drained allowance.");
        var stored = await script.InvokeAsync<List<ChatMessage>>("GetMessagesAfter", thread.Id.ToString(), 0L, 100);
        Assert.Equal(viaHub + viaCircuit, stored.Count);
    }

    private async Task<string> UserIdAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChatUser>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }

    private static async Task<bool> Accepted(Func<Task> send)
    {
        try
        {
            await send();
            return true;
        }
        catch (Exception e) when (e is HubException || e is ChatException { Kind: ChatErrorKind.TooFast })
        {
            Assert.Contains("Too fast:", e.Message);
            return false;
        }
    }
}
