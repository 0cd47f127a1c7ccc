using ChatWeb.BrowserTests.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace ChatWeb.BrowserTests.Scenarios;

public sealed class PresenceTests(ChatWebServer server, BrowserHost host) : BrowserScenario(server, host)
{
    [Fact]
    public async Task Presence_BobClosesHisLastPage_OfflineForAlice_OnlineAgainWhenHeReturns()
    {
        var alice = await SignUpAsync("Alice Martin");
        var bob = await SignUpAsync("Bob Stone");
        var bobPhone = await SecondDeviceAsync(bob.Person);
        var threadId = await alice.NewChat.StartDirectChatAsync(bob.Person);
        await alice.Conversation.SendAsync("Are you around?");
        var listDot = ThreadListPane.PresenceDot(alice.Threads.Item(threadId));
        var headerDot = alice.Conversation.PresenceDot;
        await Expect(listDot).ToHaveAttributeAsync("data-online", "true");
        await Expect(headerDot).ToHaveAttributeAsync("data-online", "true");

        await bobPhone.CloseTabAsync();
        // A round trip through Bob's remaining page: by then the closed tab's disconnect has been handled.
        await alice.Conversation.SendAsync("Still there?");
        await Expect(bob.Threads.Item(threadId)).ToHaveAttributeAsync("data-unread", "2");

        await Expect(listDot).ToHaveAttributeAsync("data-online", "true");

        await bob.CloseTabAsync();

        await Expect(listDot).ToHaveAttributeAsync("data-online", "false");
        await Expect(headerDot).ToHaveAttributeAsync("data-online", "false");

        await bob.ReopenAsync();

        await Expect(listDot).ToHaveAttributeAsync("data-online", "true");
        await Expect(headerDot).ToHaveAttributeAsync("data-online", "true");
    }
}
