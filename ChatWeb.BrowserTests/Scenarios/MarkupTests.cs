using ChatWeb.BrowserTests.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace ChatWeb.BrowserTests.Scenarios;

public sealed class MarkupTests(ChatWebServer server, BrowserHost host) : BrowserScenario(server, host)
{
    [Fact]
    public async Task MessageWithMarkup_ShowsAsText_AndRunsNoScript()
    {
        const string attack = "<img src=x onerror=alert(1)>";
        var alice = await SignUpAsync("Alice Martin");
        var bob = await SignUpAsync("Bob Stone");
        var dialogs = new List<string>();
        foreach (var page in new[] { alice.Page, bob.Page })
        {
            page.Dialog += (_, dialog) =>
            {
                dialogs.Add(dialog.Message);
                _ = dialog.DismissAsync();
            };
        }
        var threadId = await alice.NewChat.StartDirectChatAsync(bob.Person);

        await alice.Conversation.SendAsync(attack);
        await bob.Threads.OpenAsync(threadId);

        foreach (var device in new[] { alice, bob })
        {
            var message = device.Conversation.Messages.Last;
            await Expect(ConversationPane.Body(message)).ToHaveTextAsync(attack);
            await Expect(device.Page.Locator("[data-testid=message] img")).ToHaveCountAsync(0);
        }
        await Expect(ThreadListPane.Name(alice.Threads.Item(threadId))).ToBeVisibleAsync();
        // Alice wrote it, so her list previews it as "You: …", still as text.
        await Expect(alice.Threads.Item(threadId).Locator(".thread-preview")).ToHaveTextAsync("You: " + attack);
        // A reply after the markup arrived: had it run, its alert would have fired by now.
        await bob.Conversation.SendAsync("That is just text");
        await Expect(alice.Conversation.MessageWithText("That is just text")).ToBeVisibleAsync();
        Assert.Empty(dialogs);
    }
}
