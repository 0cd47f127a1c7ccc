using ChatWeb.Domain.Chat;
using ChatWeb.Realtime;
using ChatWeb.Tests.Infrastructure;

using Xunit;

namespace ChatWeb.Tests.Integration.Hub;

public sealed class TypingTests(ChatWebFactory factory) : IClassFixture<ChatWebFactory>
{
    [Fact]
    public async Task Typing_RepeatedWithinTwoSeconds_OthersHearItOnceAndTheTypistNever()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var aliceDevice = await HubTestClient.ConnectAsync(factory, alice);
        await using var bobDevice = await HubTestClient.ConnectAsync(factory, bob);
        var thread = await aliceDevice.InvokeAsync<ThreadSummary>("OpenDirect", bob);

        for (var i = 0; i < 5; i++)
        {
            await aliceDevice.InvokeAsync("Typing", thread.Id.ToString());
        }
        var sentinel = await aliceDevice.InvokeAsync<ChatMessage>("SendMessage", thread.Id.ToString(), "after-typing", "done");
        await bobDevice.NextAsync<ChatMessage>(m => m.Id == sentinel.Id);

        var heard = bobDevice.Drain<TypingNotice>();
        Assert.Equal(alice, Assert.Single(heard).UserName);
        Assert.Equal(thread.Id, heard[0].ThreadId);
        Assert.Empty(aliceDevice.Drain<TypingNotice>());
    }
}
