using ChatWeb.BrowserTests.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace ChatWeb.BrowserTests.Scenarios;

/// <summary>The production shape, whole: two people on different nodes, through the balancer.</summary>
public sealed class ProductionShapeTests(ProductionShape shape, BrowserHost host) : ShapeScenario(shape, host), IClassFixture<ProductionShape>
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
}
