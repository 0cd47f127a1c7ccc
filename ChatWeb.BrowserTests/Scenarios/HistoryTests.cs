using System.Diagnostics;
using ChatWeb.BrowserTests.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace ChatWeb.BrowserTests.Scenarios;

public sealed class HistoryTests(ChatWebServer server, BrowserHost host) : BrowserScenario(server, host)
{
    private const int HistoryLength = 5_000;

    [Fact]
    public async Task LongHistory_OpensAtTheBottom_OlderPagesLoadWhenScrollingUp()
    {
        var alice = await SignUpAsync("Alice Martin");
        var bob = await SignUpAsync("Bob Stone");
        var threadId = await new HistorySeeder(Server).SeedDirectThreadAsync(alice.Person, bob.Person, HistoryLength, TestContext.Current.CancellationToken);
        var conversation = alice.Conversation;

        var clock = Stopwatch.StartNew();
        await alice.GoToAsync($"chat/{threadId}");
        await Expect(conversation.Message(HistoryLength)).ToBeInViewportAsync();
        TestContext.Current.TestOutputHelper?.WriteLine($"Newest of {HistoryLength:N0} messages in view after {clock.ElapsedMilliseconds} ms.");

        Assert.True(await PageChecks.IsScrolledToBottomAsync(conversation.Scroller), "The conversation did not open at the bottom.");
        await Expect(ConversationPane.Body(conversation.Message(HistoryLength))).ToHaveTextAsync(HistorySeeder.BodyOf(HistoryLength));
        var firstPage = await PageChecks.SeqsAsync(conversation.Messages);
        Assert.InRange(firstPage.Length, 10, 500); // a page, not the whole history
        Assert.Equal(Enumerable.Range((int)firstPage[0], firstPage.Length).Select(i => (long)i), firstPage);

        var oldestShown = firstPage[0];
        for (var page = 0; page < 3; page++)
        {
            await ScrollToTopAsync(alice);
            await Expect(conversation.Message(oldestShown - 1)).ToHaveCountAsync(1);
            // The reader stays where they were: the message that was at the top is still on screen.
            await Expect(conversation.Message(oldestShown)).ToBeInViewportAsync();
            var seqs = await PageChecks.SeqsAsync(conversation.Messages);
            Assert.Equal(Enumerable.Range((int)seqs[0], seqs.Length).Select(i => (long)i), seqs); // in order, no gaps
            Assert.True(seqs[0] < oldestShown);
            oldestShown = seqs[0];
        }

        await Expect(conversation.JumpToLatest).ToBeVisibleAsync();
        await conversation.JumpToLatest.ClickAsync();
        await Expect(conversation.Message(HistoryLength)).ToBeInViewportAsync();
    }

    /// <summary>
    /// Wheel scrolling, as a person does it, far enough to reach the top of what is loaded. (The
    /// top does not stay at scrollTop 0: the older page is put above it and the view kept in place.)
    /// </summary>
    private static async Task ScrollToTopAsync(Device device)
    {
        await device.Conversation.Scroller.HoverAsync();
        await device.Page.Mouse.WheelAsync(0, -100_000);
    }
}
