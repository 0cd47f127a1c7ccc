using ChatWeb.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace ChatWeb.BrowserTests.Scenarios;

/// <summary>Mentions, the tab's title and desktop notifications, as the person called sees them live.</summary>
public sealed class AttentionTests(ChatWebServer server, BrowserHost host) : BrowserScenario(server, host)
{
    // Counts the page's permission requests and the notifications it shows, around the real API.
    private const string RecordNotifications =
        """
        (() => {
            const Real = window.Notification;
            if (!Real) return;
            window.__permissionRequests = 0;
            window.__notifications = [];
            const request = Real.requestPermission.bind(Real);
            class Recorded extends Real {
                constructor(title, options) {
                    window.__notifications.push({ title, body: options && options.body, tag: options && options.tag });
                    super(title, options);
                }
            }
            Object.defineProperty(Recorded, 'permission', { get: () => Real.permission });
            Recorded.requestPermission = (...args) => { window.__permissionRequests++; return request(...args); };
            window.Notification = Recorded;
        })();
        """;

    [Fact]
    public async Task Mention_InAMutedGroup_RaisesTheBadgeTitleAndANotificationAskedForOnlyAfterTheClick()
    {
        var alice = await SignUpAsync("Alice Martin");
        var bob = await SignUpAsync("Bob Stone");
        var carol = await SignUpAsync("Carol Diaz");
        var group = await alice.NewChat.CreateGroupAsync("Launch", bob.Person, carol.Person);
        await bob.Context.AddInitScriptAsync(RecordNotifications);
        await bob.GoToAsync($"chat/{group}");
        await bob.Conversation.OpenSettingsAsync();
        await bob.Conversation.MuteToggle.CheckAsync();
        await Expect(bob.Threads.Item(group)).ToHaveAttributeAsync("data-muted", "true");
        await bob.GoToAsync();

        var prompt = bob.Page.GetByTestId("notifications-turn-on");
        await Expect(prompt).ToBeVisibleAsync();
        Assert.Equal(0, await bob.Page.EvaluateAsync<int>("window.__permissionRequests"));
        await bob.Context.GrantPermissionsAsync(["notifications"], new() { Origin = Server.BaseUrl.GetLeftPart(UriPartial.Authority) });
        await prompt.ClickAsync();
        await Expect(bob.Page.GetByTestId("notification-prompt")).ToHaveCountAsync(0);
        Assert.Equal(1, await bob.Page.EvaluateAsync<int>("window.__permissionRequests"));

        await alice.Conversation.Input.FillAsync("@Bo");
        await Expect(alice.Page.GetByTestId("mention-option")).ToHaveCountAsync(1);
        await alice.Conversation.Input.PressAsync("Enter");
        await Expect(alice.Conversation.Input).ToHaveValueAsync("@Bob Stone ");
        await alice.Conversation.Input.PressSequentiallyAsync("can you check the slides?");
        await alice.Conversation.Input.PressAsync("Enter");
        await Expect(alice.Conversation.Messages.Last.GetByTestId("mention")).ToHaveTextAsync("@Bob Stone");

        var item = bob.Threads.Item(group);
        await Expect(item.GetByTestId("mention-badge")).ToBeVisibleAsync();
        await Expect(bob.Page).ToHaveTitleAsync("(1) ChatWeb");
        await Expect(bob.Page.Locator("link[rel~=icon]")).ToHaveAttributeAsync("data-unread", "true");
        await bob.Page.WaitForFunctionAsync("window.__notifications.length === 1");
        var note = await bob.Page.EvaluateAsync<string[]>("[0].map(i => window.__notifications[i]).flatMap(n => [n.title, n.body, n.tag])");
        Assert.Equal(["Alice Martin mentioned you in Launch", "@Bob Stone can you check the slides?", group.ToString()], note);

        await bob.Threads.OpenAsync(group);
        await Expect(bob.Conversation.Messages.Last.GetByTestId("mention")).ToHaveTextAsync("@Bob Stone");
        await Expect(item.GetByTestId("mention-badge")).ToHaveCountAsync(0);
        await Expect(bob.Page).ToHaveTitleAsync("ChatWeb");
    }
}
