using Bunit;
using ChatWeb.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatWeb.Tests.Components.Conversation;

public sealed class LiveEventsTests : ConversationTestContext
{
    [Fact]
    public async Task MessageReceived_RaisedTwice_RendersOnce()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var thread = await Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        SignIn(ann);
        var cut = RenderConversation(thread.Id);
        cut.WaitForElement("[data-testid=composer-input]");
        var message = await SendAsync(bob, thread.Id, "hello Ann");

        await Events.RaiseAsync(message);
        await Events.RaiseAsync(message);

        cut.WaitForAssertion(() =>
        {
            var row = Assert.Single(cut.FindAll("[data-testid=message]"));
            Assert.Equal("1", row.GetAttribute("data-seq"));
            Assert.Equal("hello Ann", row.QuerySelector(".body")!.TextContent);
        });
    }

    [Fact]
    public async Task MessageReceived_OtherThread_IsIgnored()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var cy = await AddUserAsync("Cy");
        var withBob = await Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        var withCy = await Conversations.OpenDirectAsync(ann.Id, cy.UserName, Ct);
        SignIn(ann);
        var cut = RenderConversation(withBob.Id);
        cut.WaitForElement("[data-testid=composer-input]");

        await Events.RaiseAsync(await SendAsync(cy, withCy.Id, "not for this view"));

        Assert.Empty(cut.FindAll("[data-testid=message]"));
    }

    [Fact]
    public async Task MessageReceived_AfterGap_FetchesTheMissingOnesInOrder()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var thread = await Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        SignIn(ann);
        var cut = RenderConversation(thread.Id);
        cut.WaitForElement("[data-testid=composer-input]");
        await SendAsync(bob, thread.Id, "one");
        await SendAsync(bob, thread.Id, "two");
        var third = await SendAsync(bob, thread.Id, "three");

        await Events.RaiseAsync(third);

        cut.WaitForAssertion(() => Assert.Equal(
            ["1", "2", "3"], cut.FindAll("[data-testid=message]").Select(r => r.GetAttribute("data-seq"))));
    }

    [Fact]
    public async Task Reconnected_CatchesUpOnMissedMessages()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var thread = await Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        SignIn(ann);
        var cut = RenderConversation(thread.Id);
        cut.WaitForElement("[data-testid=composer-input]");
        for (var i = 1; i <= 120; i++)
        {
            await SendAsync(bob, thread.Id, $"missed {i}");
        }

        await Events.RaiseAsync(new ReconnectedNotice());

        cut.WaitForAssertion(() => Assert.Equal(120, cut.FindAll("[data-testid=message]").Count));
        Assert.Equal("120", cut.FindAll("[data-testid=message]")[^1].GetAttribute("data-seq"));
    }

    [Fact]
    public async Task ThreadRemoved_HidesContentAndGoesHome()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var group = await Conversations.CreateGroupAsync(bob.Id, "Team", [ann.UserName], Ct);
        await SendAsync(bob, group.Id, "welcome");
        SignIn(ann);
        var cut = RenderConversation(group.Id);
        cut.WaitForElement("[data-testid=message]");

        await Events.RaiseAsync(new ThreadRemovedNotice(group.Id));

        cut.WaitForElement("[data-testid=conversation-removed]");
        Assert.Empty(cut.FindAll("[data-testid=message]"));
        Assert.EndsWith("/", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task Typing_NoticeFromOther_ShowsIndicator_OwnIsIgnored()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var thread = await Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        SignIn(ann);
        var cut = RenderConversation(thread.Id);
        cut.WaitForElement("[data-testid=composer-input]");

        await Events.RaiseAsync(new TypingNotice(thread.Id, ann.UserName, ann.DisplayName));
        Assert.Empty(cut.FindAll("[data-testid=typing-indicator]"));
        await Events.RaiseAsync(new TypingNotice(thread.Id, bob.UserName, bob.DisplayName));

        cut.WaitForAssertion(() => Assert.Equal("Bob is typing…", cut.Find("[data-testid=typing-indicator]").TextContent.Trim()));
    }
}
