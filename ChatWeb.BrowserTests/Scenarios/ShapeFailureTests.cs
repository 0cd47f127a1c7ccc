using System.Diagnostics;
using ChatWeb.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace ChatWeb.BrowserTests.Scenarios;

/// <summary>The production shape losing a part: a node killed outright, Redis stopped for a while.</summary>
[Collection(ProductionShapeCollection.Name)]
public sealed class ShapeFailureTests(ProductionShape shape, BrowserHost host) : ShapeScenario(shape, host)
{
    private const string RedisLost = "cannot be reached";
    private const string RedisBack = "is reachable again";

    [Fact]
    public async Task KillNode_ItsPeopleSeeTheNotice_ContinueOnTheOtherNodeWithNothingLost_ThoseGoneAreAnnouncedOffline()
    {
        var ann = await SignUpOnNodeAsync("Ann Holm", node: 0);
        var cleo = await SignUpOnNodeAsync("Cleo Varga", node: 0);
        var ben = await SignUpOnNodeAsync("Ben Ruiz", node: 1);
        var withCleo = await ben.NewChat.StartDirectChatAsync(cleo.Person);
        var withAnn = await ben.NewChat.StartDirectChatAsync(ann.Person);
        await ben.Conversation.SendAsync("Before the crash");
        await ann.Threads.OpenAsync(withAnn);
        await ann.Conversation.SendAsync("My last words on node one");
        var cleoSeenByBen = ThreadListPane.PresenceDot(ben.Threads.Item(withCleo));
        await Expect(cleoSeenByBen).ToHaveAttributeAsync("data-online", "true");
        var annNotices = await RecordReconnectNoticesAsync(ann.Page);
        // Cleo's browser stays away: nothing it asks for gets through, and its open socket dies with the node.
        await cleo.Context.RouteAsync("**/*", route => route.AbortAsync());

        await Shape.KillNodeAsync(0);
        var killed = Stopwatch.StartNew();
        await ExpectSoonAsync(() => { lock (annNotices) { return annNotices.Contains("show"); } }, "Ann's page never showed the reconnect notice.");
        await ben.Conversation.SendAsync("While node one is down");
        await Expect(cleoSeenByBen).ToHaveAttributeAsync("data-online", "false", new() { Timeout = (float)Timeouts.Step.TotalMilliseconds });
        var announcedAfter = killed.Elapsed;
        await ann.GoToAsync($"chat/{withAnn}");

        TestContext.Current.TestOutputHelper?.WriteLine($"Cleo announced offline {announcedAfter.TotalSeconds:F1} s after her node was killed (node timeout {ProductionShape.NodeTimeout.TotalSeconds} s).");
        Assert.Equal(ProductionShape.NodeName(1), await ServingNodeAsync(ann));
        await Expect(ann.Conversation.Messages.Locator(".body")).ToHaveTextAsync(["Before the crash", "My last words on node one", "While node one is down"]);
        Assert.Equal(new long[] { 1, 2, 3 }, await PageChecks.SeqsAsync(ann.Conversation.Messages));
        await Expect(ann.Conversation.MessageWithText("My last words on node one")).ToHaveAttributeAsync("data-status", "sent");
    }

    [Fact]
    public async Task StopRedis_SendsStoredAndAcknowledged_LiveDeliveryResumes_MissedOnesCaughtUp_OutageLoggedOnce()
    {
        var dora = await SignUpOnNodeAsync("Dora Lind", node: 0);
        var eli = await SignUpOnNodeAsync("Eli Kaur", node: 1);
        var threadId = await dora.NewChat.StartDirectChatAsync(eli.Person);
        await dora.Conversation.SendAsync("Before the outage");
        await eli.Threads.OpenAsync(threadId);
        await Expect(eli.Conversation.MessageWithText("Before the outage")).ToBeVisibleAsync();
        string[] duringTheOutage = ["Redis is down 1", "Redis is down 2", "Redis is down 3"];

        await Shape.Redis.StopAsync();
        await ExpectSoonAsync(() => BothNodesSaid(RedisLost), "The nodes did not notice that Redis stopped.");
        foreach (var text in duringTheOutage)
        {
            await dora.Conversation.SendAsync(text);
        }
        await Shape.Redis.StartAsync();
        await ExpectSoonAsync(() => BothNodesSaid(RedisBack), "The nodes did not notice that Redis is back.");
        await dora.Conversation.SendAsync("Redis is back");

        await Expect(eli.Conversation.Messages.Locator(".body")).ToHaveTextAsync(["Before the outage", .. duringTheOutage, "Redis is back"]);
        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, await PageChecks.SeqsAsync(eli.Conversation.Messages));
        await Expect(dora.Page.Locator("[data-testid=message][data-status=sent]")).ToHaveCountAsync(5);
        for (var node = 0; node < 2; node++)
        {
            var app = Shape.Node(node);
            Assert.Equal((1, 1, 0), (app.CountOutputLines(RedisLost), app.CountOutputLines(RedisBack), app.CountOutputLines("Could not push")));
        }
    }

    private bool BothNodesSaid(string text) => Shape.Node(0).CountOutputLines(text) > 0 && Shape.Node(1).CountOutputLines(text) > 0;

    /// <summary>The states Blazor's reconnect UI goes through on this page, from now on, across reloads.</summary>
    private static async Task<HashSet<string>> RecordReconnectNoticesAsync(IPage page)
    {
        var states = new HashSet<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.StartsWith("reconnect-state:", StringComparison.Ordinal))
            {
                lock (states)
                {
                    states.Add(message.Text["reconnect-state:".Length..]);
                }
            }
        };
        await page.EvaluateAsync("""
            () => document.getElementById('components-reconnect-modal')
                .addEventListener('components-reconnect-state-changed', e => console.log('reconnect-state:' + e.detail.state))
            """);
        return states;
    }

    private static async Task ExpectSoonAsync(Func<bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow + Timeouts.Step * 2;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(100);
        }
    }
}
