using Bunit;
using ChatWeb.Domain.Chat;
using Xunit;

namespace ChatWeb.Tests.Components.Conversation;

public sealed class ConversationViewTests : ConversationTestContext
{
    [Fact]
    public async Task Render_NonMember_ShowsNotFoundAndNoContent()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var eve = await AddUserAsync("Eve");
        var thread = await Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        await SendAsync(ann, thread.Id, "private words");
        SignIn(eve);

        var cut = RenderConversation(thread.Id);

        cut.WaitForElement("[data-testid=conversation-not-found]");
        Assert.Contains("Conversation not found", cut.Find("[data-testid=conversation-not-found]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=message]"));
        Assert.Empty(cut.FindAll("[data-testid=composer-input]"));
        Assert.DoesNotContain("private words", cut.Markup);
        Assert.Equal(0, Events.SubscriberCount<ChatMessage>());
    }

    [Fact]
    public async Task Render_UnknownThread_ShowsNotFound()
    {
        SignIn(await AddUserAsync("Ann"));

        var cut = RenderConversation(Guid.NewGuid());

        cut.WaitForElement("[data-testid=conversation-not-found]");
    }

    [Fact]
    public async Task Render_MessageWithMarkup_ShowsItAsText()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var thread = await Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        const string body = "<script>alert(1)</script><b>bold</b>\nsecond line";
        await SendAsync(bob, thread.Id, body);
        SignIn(ann);

        var cut = RenderConversation(thread.Id);

        var row = cut.WaitForElement("[data-testid=message]");
        Assert.Equal(body, row.QuerySelector(".body")!.TextContent);
        Assert.Null(row.QuerySelector("script"));
        Assert.Null(row.QuerySelector("b"));
        Assert.Equal("false", row.GetAttribute("data-own"));
    }

    [Fact]
    public async Task Open_LongThread_LoadsOnlyTheNewestPageThenOlderOnRequest()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var thread = await Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        for (var i = 1; i <= 120; i++)
        {
            await SendAsync(bob, thread.Id, $"message {i}");
        }
        SignIn(ann);
        var cut = RenderConversation(thread.Id);
        cut.WaitForElement("[data-testid=message]");
        var rows = cut.FindAll("[data-testid=message]");
        Assert.Equal(50, rows.Count);
        Assert.Equal("71", rows[0].GetAttribute("data-seq"));

        await cut.Find("[data-testid=load-older]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("21", cut.FindAll("[data-testid=message]")[0].GetAttribute("data-seq")));
        Assert.Equal(100, cut.FindAll("[data-testid=message]").Count);
    }

    [Fact]
    public async Task Open_WithUnread_ShowsDividerAtFirstUnreadAndMarksRead()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var thread = await Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        await SendAsync(ann, thread.Id, "read already");
        await SendAsync(bob, thread.Id, "first unread");
        await SendAsync(bob, thread.Id, "second unread");
        SignIn(ann);

        var cut = RenderConversation(thread.Id);

        var divider = cut.WaitForElement("[data-testid=new-messages-divider]");
        Assert.Equal("2", divider.NextElementSibling!.GetAttribute("data-seq"));
        await WaitUntilAsync(async () => (await Conversations.GetThreadAsync(ann.Id, thread.Id, Ct)).UnreadCount == 0);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true in time.");
            await Task.Delay(50);
        }
    }
}
