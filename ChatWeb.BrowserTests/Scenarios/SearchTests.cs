using ChatWeb.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace ChatWeb.BrowserTests.Scenarios;

public sealed class SearchTests(ChatWebServer server, BrowserHost host) : BrowserScenario(server, host)
{
    private const int HistoryLength = 400;
    private const int Wanted = 120;

    [Fact]
    public async Task Search_PhraseFromLongAgo_OpensTheConversationAtTheMessageHighlighted_EscapeReturnsToTheList_AQuoteOfItLeadsBack()
    {
        var alice = await SignUpAsync("Alice Martin");
        var bob = await SignUpAsync("Bob Stone");
        var threadId = await new HistorySeeder(Server).SeedDirectThreadAsync(alice.Person, bob.Person, HistoryLength, TestContext.Current.CancellationToken);
        await alice.GoToAsync();
        var field = alice.Page.GetByTestId("message-search");
        var hits = alice.Page.GetByTestId("search-hit");

        await Expect(alice.Threads.Item(threadId)).ToBeVisibleAsync();
        await Expect(field).ToHaveAttributeAsync("data-shortcuts", "on");
        await alice.Page.Keyboard.PressAsync("Control+k");
        await Expect(field).ToBeFocusedAsync();
        await alice.Page.Keyboard.TypeAsync($"\"HISTORY messagé {Wanted}\"");

        await Expect(hits).ToHaveCountAsync(1);
        await Expect(alice.Threads.Item(threadId)).ToBeHiddenAsync();
        await Expect(hits.First.Locator("mark.search-match")).ToHaveTextAsync($"History message {Wanted}");
        await hits.First.ClickAsync();

        var message = alice.Conversation.Message(Wanted);
        await Expect(message).ToBeInViewportAsync();
        await Expect(message).ToHaveAttributeAsync("data-highlighted", "true");
        await Expect(alice.Conversation.Message(HistoryLength)).ToHaveCountAsync(0);
        await field.FocusAsync();
        await alice.Page.Keyboard.PressAsync("Escape");
        await Expect(hits).ToHaveCountAsync(0);
        await Expect(alice.Threads.Item(threadId)).ToBeVisibleAsync();

        // A reply to it goes to the live end; its quote leads back to the original, pages away, in one step.
        await message.HoverAsync();
        await message.GetByRole(AriaRole.Button, new() { Name = "Reply", Exact = true }).ClickAsync();
        await alice.Conversation.SendAsync("Found it");
        var reply = alice.Conversation.Message(HistoryLength + 1);
        await Expect(reply).ToBeInViewportAsync();
        await Expect(message).ToHaveCountAsync(0);
        await reply.GetByTestId("reply-quote").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(message).ToBeInViewportAsync();
        await Expect(message).ToHaveAttributeAsync("data-highlighted", "true");
        await Expect(reply).ToHaveCountAsync(0);
        await alice.Conversation.JumpToLatest.ClickAsync();
        await Expect(reply).ToBeInViewportAsync();
    }
}
