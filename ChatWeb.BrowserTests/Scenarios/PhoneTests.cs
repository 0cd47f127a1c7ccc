using System.Text.RegularExpressions;
using ChatWeb.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace ChatWeb.BrowserTests.Scenarios;

public sealed class PhoneTests(ChatWebServer server, BrowserHost host) : BrowserScenario(server, host)
{
    [Fact]
    public async Task Phone_ListThenConversationThenBack_OnePaneAtATime()
    {
        var alice = await SignUpAsync("Alice Martin", Viewports.Phone);
        var bob = await SignUpAsync("Bob Stone");
        var threadId = await bob.NewChat.StartDirectChatAsync(alice.Person);
        await bob.Conversation.SendAsync("Are you on the train?");
        var row = alice.Threads.Item(threadId);
        await Expect(ThreadListPane.UnreadBadge(row)).ToHaveTextAsync("1");
        await Expect(alice.Page.Locator(".chat-conversation")).ToBeHiddenAsync();

        await row.ClickAsync();

        await Expect(alice.Conversation.Root).ToBeVisibleAsync();
        await Expect(row).ToBeHiddenAsync();
        await Expect(alice.Conversation.MessageWithText("Are you on the train?")).ToBeInViewportAsync();
        await Expect(alice.Conversation.Input).ToBeInViewportAsync(Whole);
        await Expect(alice.Conversation.SendButton).ToBeInViewportAsync(Whole);
        await Expect(alice.Conversation.SettingsPanel).Not.ToBeInViewportAsync();
        await alice.Conversation.SendAsync("Yes, 10 minutes");
        await Expect(alice.Conversation.MessageWithText("Yes, 10 minutes").Locator(".bubble")).ToBeInViewportAsync(Whole);
        await Expect(bob.Conversation.MessageWithText("Yes, 10 minutes")).ToBeVisibleAsync();
        await alice.Conversation.OpenSettingsAsync();
        await alice.Conversation.CloseSettings.ClickAsync();
        await Expect(alice.Conversation.SettingsPanel).Not.ToBeInViewportAsync();
        await NoSidewaysScrollAsync(alice);

        await alice.Conversation.BackToList.ClickAsync();

        await Expect(alice.Page).ToHaveURLAsync(new Regex(@"/$"));
        await Expect(row).ToBeVisibleAsync();
        await Expect(alice.Conversation.Root).ToBeHiddenAsync();
        await Expect(ThreadListPane.UnreadBadge(row)).ToHaveCountAsync(0);
        await NoSidewaysScrollAsync(alice);
    }

    private static readonly LocatorAssertionsToBeInViewportOptions Whole = new() { Ratio = 1 };

    private static async Task NoSidewaysScrollAsync(Device device)
    {
        var overflow = await device.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the phone screen.");
    }
}
