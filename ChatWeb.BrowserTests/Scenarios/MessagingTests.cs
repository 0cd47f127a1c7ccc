using ChatWeb.BrowserTests.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace ChatWeb.BrowserTests.Scenarios;

public sealed class MessagingTests(ChatWebServer server, BrowserHost host) : BrowserScenario(server, host)
{
    [Fact]
    public async Task MessagesBothWays_ArriveLiveInOrder_OwnOnTheRight()
    {
        var (alice, bob, threadId) = await OpenDirectChatAsync();
        string[] expected = ["Morning!", "Hi Alice", "Did you see the draft?", "Yes, looks good", "Great, shipping it"];

        for (var i = 0; i < expected.Length; i++)
        {
            var sender = i % 2 == 0 ? alice : bob;
            await sender.Conversation.SendAsync(expected[i]);
        }

        foreach (var (device, ownIndex) in new[] { (alice, 0), (bob, 1) })
        {
            var messages = device.Conversation.Messages;
            await Expect(messages).ToHaveCountAsync(expected.Length);
            await Expect(messages.Locator(".body")).ToHaveTextAsync(expected);
            var seqs = await PageChecks.SeqsAsync(messages);
            Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, seqs);
            var middle = await PageChecks.CenterXAsync(device.Conversation.Scroller);
            for (var i = 0; i < expected.Length; i++)
            {
                var own = i % 2 == ownIndex;
                await Expect(messages.Nth(i)).ToHaveAttributeAsync("data-own", own ? "true" : "false");
                var bubble = await PageChecks.CenterXAsync(messages.Nth(i).Locator(".bubble"));
                Assert.True(own ? bubble > middle : bubble < middle,
                    $"{device.Person.DisplayName}: message {i + 1} ({(own ? "own" : "theirs")}) is centred at x={bubble}, the list's middle is {middle}.");
            }
        }
        await Expect(alice.Threads.Item(threadId)).ToHaveAttributeAsync("data-unread", "0");
    }

    [Fact]
    public async Task Composer_ShiftEnterAddsLine_EnterSends()
    {
        var (alice, bob, _) = await OpenDirectChatAsync();
        var input = alice.Conversation.Input;

        await input.PressSequentiallyAsync("first line");
        await input.PressAsync("Shift+Enter");
        await input.PressSequentiallyAsync("second line");
        await Expect(input).ToHaveValueAsync("first line\nsecond line");
        await Expect(alice.Conversation.Messages).ToHaveCountAsync(0);
        await input.PressAsync("Enter");

        await Expect(input).ToHaveValueAsync("");
        var received = bob.Conversation.Messages.Last;
        await Expect(received).ToHaveAttributeAsync("data-own", "false");
        // innerText follows the CSS, so this also checks that the line break is shown, not collapsed.
        await Expect(ConversationPane.Body(received)).ToHaveJSPropertyAsync("innerText", "first line\nsecond line");
        await Expect(alice.Conversation.Messages).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Typing_OtherPersonSeesIndicator()
    {
        var (alice, bob, _) = await OpenDirectChatAsync();

        await bob.Conversation.Input.PressSequentiallyAsync("Let me think");

        await Expect(alice.Conversation.TypingIndicator).ToBeVisibleAsync();
        await Expect(bob.Conversation.TypingIndicator).ToHaveCountAsync(0);
    }

    private async Task<(Device Alice, Device Bob, Guid ThreadId)> OpenDirectChatAsync()
    {
        var alice = await SignUpAsync("Alice Martin");
        var bob = await SignUpAsync("Bob Stone");
        var threadId = await alice.NewChat.StartDirectChatAsync(bob.Person);
        await bob.GoToAsync($"chat/{threadId}");
        await Expect(bob.Conversation.Root).ToBeVisibleAsync();
        return (alice, bob, threadId);
    }
}
