using ChatWeb.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace ChatWeb.BrowserTests.Scenarios;

public sealed class MessageLifeTests(ChatWebServer server, BrowserHost host) : BrowserScenario(server, host)
{
    /// <summary>One walk through a message's life, each step checked live on the other person's screen.</summary>
    [Fact]
    public async Task EditDeleteReplyReact_EachSeenLiveByTheOther_ReadShowsTwoTicks()
    {
        var alice = await SignUpAsync("Alice Martin");
        var bob = await SignUpAsync("Bob Stone");
        var threadId = await alice.NewChat.StartDirectChatAsync(bob.Person);
        await alice.Conversation.SendAsync("Meant for another chat");
        await alice.Conversation.SendAsync("See you at 3");
        await Expect(alice.Conversation.Message(2)).Not.ToHaveAttributeAsync("data-read", "true");

        await bob.GoToAsync($"chat/{threadId}");
        await Expect(alice.Conversation.Message(2)).ToHaveAttributeAsync("data-read", "true");

        // Up arrow in the empty composer edits her last message in place.
        await alice.Conversation.Input.PressAsync("ArrowUp");
        var editor = alice.Page.GetByTestId("edit-input");
        await Expect(editor).ToHaveValueAsync("See you at 3");
        await editor.FillAsync("See you at 3:30");
        await editor.PressAsync("Enter");
        await Expect(ConversationPane.Body(bob.Conversation.Message(2))).ToHaveTextAsync("See you at 3:30");
        await Expect(bob.Conversation.Message(2).GetByTestId("edited-label")).ToBeVisibleAsync();

        await alice.Conversation.Message(1).HoverAsync();
        await alice.Conversation.Message(1).GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await alice.Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Expect(bob.Conversation.Message(1).GetByTestId("deleted-body")).ToHaveTextAsync("This message was deleted");

        await bob.Conversation.Message(2).HoverAsync();
        await bob.Conversation.Message(2).GetByRole(AriaRole.Button, new() { Name = "Reply", Exact = true }).ClickAsync();
        await Expect(bob.Page.Locator(".composing[data-testid=reply-quote]")).ToContainTextAsync("See you at 3:30");
        await bob.Conversation.SendAsync("Works for me");
        var quote = alice.Conversation.Message(3).GetByTestId("reply-quote");
        await Expect(quote).ToContainTextAsync("See you at 3:30");
        await quote.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(alice.Conversation.Message(2)).ToHaveAttributeAsync("data-highlighted", "true");

        await bob.Conversation.Message(2).HoverAsync();
        await bob.Conversation.Message(2).GetByRole(AriaRole.Button, new() { Name = "Add a reaction" }).ClickAsync();
        await bob.Page.GetByRole(AriaRole.Menuitem, new() { Name = "React with 👍" }).ClickAsync();
        var chip = alice.Conversation.Message(2).GetByTestId("reaction-chip");
        await Expect(chip).ToHaveAttributeAsync("title", "Bob Stone");
        await chip.ClickAsync();
        await Expect(bob.Conversation.Message(2).GetByTestId("reaction-chip").Locator(".count")).ToHaveTextAsync("2");
    }
}
