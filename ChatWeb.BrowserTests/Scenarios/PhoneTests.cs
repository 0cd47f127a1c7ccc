using System.Text.RegularExpressions;
using ChatWeb.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace ChatWeb.BrowserTests.Scenarios;

public sealed partial class PhoneTests(ChatWebServer server, BrowserHost host) : BrowserScenario(server, host)
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
        // A phone has no hover: every message shows its time, as in WhatsApp.
        await Expect(alice.Conversation.MessageWithText("Are you on the train?").Locator(".time")).ToBeVisibleAsync();
        await Expect(alice.Conversation.MessageWithText("Are you on the train?").Locator(".time")).ToHaveTextAsync(ShortTime());
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

    [Fact]
    public async Task Phone_AppBar_OneLineWithAnAccountMenuThatLogsOut()
    {
        var alice = await SignUpAsync("Alice Martin", Viewports.Phone);
        var bar = alice.Page.Locator(".chat-appbar");
        var button = alice.Page.Locator("#account-menu-button");

        await Expect(button).ToBeVisibleAsync();
        // Initials only: the name is there for screen readers, not drawn.
        var name = (await alice.Page.Locator(".signed-in-user").BoundingBoxAsync())!;
        Assert.True(name.Width <= 1, $"The name takes {name.Width}px of the phone's app bar.");
        var barBox = (await bar.BoundingBoxAsync())!;
        var buttonBox = (await button.BoundingBoxAsync())!;
        Assert.True(barBox.Height <= 56, $"The app bar is {barBox.Height}px tall: its contents wrapped.");
        Assert.True(buttonBox.Y >= barBox.Y && buttonBox.Y + buttonBox.Height <= barBox.Y + barBox.Height, "The account button is not inside the bar.");
        await NoSidewaysScrollAsync(alice);

        await alice.OpenAccountMenuAsync();
        await Expect(alice.Page.GetByTestId("account-who").Locator(".account-name")).ToHaveTextAsync("Alice Martin");
        await Expect(alice.Page.Locator("#logout")).ToBeInViewportAsync(Whole);
        await alice.Page.Locator("#logout").ClickAsync();

        await Expect(alice.Page).ToHaveURLAsync(new Regex("/Account/Login"));
        await Expect(alice.Page.Locator(".signed-in-user")).ToHaveCountAsync(0);
        await alice.Page.GotoAsync("");
        await Expect(alice.Page).ToHaveURLAsync(new Regex("/Account/Login"));
    }

    private static readonly LocatorAssertionsToBeInViewportOptions Whole = new() { Ratio = 1 };

    [GeneratedRegex(@"^\d{1,2}:\d{2}(\s?[AP]M)?$")]
    private static partial Regex ShortTime();

    private static async Task NoSidewaysScrollAsync(Device device)
    {
        var overflow = await device.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the phone screen.");
    }
}
