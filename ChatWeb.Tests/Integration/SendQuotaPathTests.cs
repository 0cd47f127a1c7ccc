using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using ChatWeb.Tests.Infrastructure;
using ChatWeb.Tests.Integration.Hub;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatWeb.Tests.Integration;

/// <summary>
/// One allowance per person, whatever the path: the browser's circuit sends through MessageService in
/// the server's process, scripts through the hub; both draw on the same bucket (default 20/s, bursts of 40).
/// </summary>
public sealed class SendQuotaPathTests(ChatWebFactory factory) : IClassFixture<ChatWebFactory>
{
    [Fact]
    public async Task SendAsync_CircuitAndHubAtOnce_ShareOneAllowance()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var script = await HubTestClient.ConnectAsync(factory, alice);
        var thread = await script.InvokeAsync<ThreadSummary>("OpenDirect", bob);
        var aliceId = await UserIdAsync(alice);
        var circuitPath = factory.Services.GetRequiredService<MessageService>();

        var started = DateTime.UtcNow;
        var viaHub = Enumerable.Range(0, 30).Select(i => Accepted(() =>
            script.InvokeAsync<ChatMessage>("SendMessage", thread.Id.ToString(), $"hub-{i}", $"hub {i}")));
        var viaCircuit = Enumerable.Range(0, 30).Select(i => Accepted(() =>
            circuitPath.SendAsync(aliceId, thread.Id, $"circuit-{i}", $"circuit {i}", TestContext.Current.CancellationToken)));
        var outcomes = await Task.WhenAll(viaHub.Concat(viaCircuit));
        var seconds = (DateTime.UtcNow - started).TotalSeconds;

        var accepted = outcomes.Count(ok => ok);
        Assert.InRange(accepted, 40, 40 + (int)Math.Ceiling(20 * seconds));
        var stored = await script.InvokeAsync<List<ChatMessage>>("GetMessagesAfter", thread.Id.ToString(), 0L, 100);
        Assert.Equal(accepted, stored.Count);
    }

    private async Task<string> UserIdAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChatUser>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }

    private static async Task<bool> Accepted(Func<Task<ChatMessage>> send)
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
