using ChatWeb.BrowserTests.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace ChatWeb.BrowserTests.Scenarios;

public sealed class DirectChatTests(ChatWebServer server, BrowserHost host) : BrowserScenario(server, host)
{
    [Fact]
    public async Task StartDirectChat_FirstMessage_BobSeesItUnreadLiveAndReadingClearsBothHisDevices()
    {
        var alice = await SignUpAsync("Alice Martin");
        var bob = await SignUpAsync("Bob Stone");
        var bobLaptop = await SecondDeviceAsync(bob.Person);
        await PageChecks.MarkDocumentAsync(bob.Page);
        await PageChecks.MarkDocumentAsync(bobLaptop.Page);

        var threadId = await alice.NewChat.StartDirectChatAsync(bob.Person);
        await alice.Conversation.SendAsync("Hi Bob, lunch at noon?");

        var onDesk = bob.Threads.Item(threadId);
        var onLaptop = bobLaptop.Threads.Item(threadId);
        await Expect(ThreadListPane.Name(onDesk)).ToHaveTextAsync("Alice Martin");
        await Expect(ThreadListPane.UnreadBadge(onDesk)).ToHaveTextAsync("1");
        await Expect(onDesk).ToHaveAttributeAsync("data-unread", "1");
        await Expect(ThreadListPane.UnreadBadge(onLaptop)).ToHaveTextAsync("1");

        await bob.Threads.OpenAsync(threadId);

        await Expect(bob.Conversation.MessageWithText("Hi Bob, lunch at noon?")).ToBeVisibleAsync();
        await Expect(ThreadListPane.UnreadBadge(onDesk)).ToHaveCountAsync(0);
        await Expect(onLaptop).ToHaveAttributeAsync("data-unread", "0");
        await Expect(ThreadListPane.UnreadBadge(onLaptop)).ToHaveCountAsync(0);
        Assert.True(await PageChecks.WasNotReloadedAsync(bob.Page), "Bob's page was reloaded.");
        Assert.True(await PageChecks.WasNotReloadedAsync(bobLaptop.Page), "Bob's second device was reloaded.");
    }

    [Fact]
    public async Task OpenUnknownThread_ShowsNotFound()
    {
        var alice = await SignUpAsync("Alice Martin");

        await alice.GoToAsync($"chat/{Guid.NewGuid()}");

        await Expect(alice.Conversation.NotFound).ToBeVisibleAsync();
    }
}
