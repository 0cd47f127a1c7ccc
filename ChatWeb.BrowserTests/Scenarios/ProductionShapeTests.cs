using ChatWeb.BrowserTests.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace ChatWeb.BrowserTests.Scenarios;

/// <summary>The production shape, whole: people on different nodes, through the balancer, and the demo company.</summary>
[Collection(ProductionShapeCollection.Name)]
public sealed class ProductionShapeTests(ProductionShape shape, BrowserHost host) : ShapeScenario(shape, host)
{
    [Fact]
    public async Task TwoNodes_PeopleOnEach_CircuitsOverWebSockets_MessagesAndPresenceCrossNodes()
    {
        var ann = await SignUpOnNodeAsync("Ann Lindqvist", node: 0);
        var ben = await SignUpOnNodeAsync("Ben Ortiz", node: 1);
        var threadId = await ann.NewChat.StartDirectChatAsync(ben.Person);
        var annSeesBen = ThreadListPane.PresenceDot(ann.Threads.Item(threadId));
        await ExpectCircuitOverWebSocketAsync(ann);

        await ann.Conversation.SendAsync("Hello from node one");
        await ben.Threads.OpenAsync(threadId);
        await Expect(ben.Conversation.MessageWithText("Hello from node one")).ToBeVisibleAsync();
        await ben.Conversation.SendAsync("And hello back from node two");

        await Expect(ann.Conversation.MessageWithText("And hello back from node two")).ToBeVisibleAsync();
        await Expect(annSeesBen).ToHaveAttributeAsync("data-online", "true");
        Assert.Equal((ProductionShape.NodeName(0), ProductionShape.NodeName(1)), (await ServingNodeAsync(ann), await ServingNodeAsync(ben)));

        await ben.CloseTabAsync();
        await Expect(annSeesBen).ToHaveAttributeAsync("data-online", "false");
        await ben.ReopenAsync();
        await Expect(annSeesBen).ToHaveAttributeAsync("data-online", "true");
        await ExpectCircuitOverWebSocketAsync(ben);
    }

    [Fact]
    public async Task Demo_AliceSignsInThroughTheBalancer_SeesHerGroupsDirectChatsAndUnread()
    {
        var aliceAccount = new Person("Alice Martin", "alice@demo.local") { Password = "Demo-Passw0rd!" };

        var alice = await SignInOnNodeAsync(aliceAccount, node: 1);

        await Expect(alice.Threads.Items).ToHaveCountAsync(7);
        var unreadByName = new Dictionary<string, string>
        {
            ["Product launch"] = "3", ["Lunch & coffee"] = "2", ["Engineering"] = "0",
            ["Carol Nguyen"] = "2", ["Bob Stone"] = "0", ["Grace Kim"] = "0", ["Hiro Tanaka"] = "0",
        };
        foreach (var (name, unread) in unreadByName)
        {
            var item = alice.Threads.Items.Filter(new() { Has = alice.Page.Locator(".thread-name", new() { HasTextString = name }) });
            await Expect(item).ToHaveAttributeAsync("data-unread", unread);
        }
        await Expect(ThreadListPane.UnreadBadge(alice.Threads.Items.Filter(new() { HasTextString = "Product launch" }))).ToHaveTextAsync("3");
    }
}
