using ChatWeb.BrowserTests.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace ChatWeb.BrowserTests.Scenarios;

public sealed class DeactivationTests(ChatWebServer server, BrowserHost host) : BrowserScenario(server, host)
{
    [Fact]
    public async Task Deactivate_OnTheAdminPage_ThePersonsOpenPageShowsTheyAreSignedOut()
    {
        var ada = await SignUpAsync("Ada Admin");
        var bob = await SignUpAsync("Bob Stone");
        await MakeAdminAsync(ada.Person);
        var threadId = await ada.NewChat.StartDirectChatAsync(bob.Person);
        await ada.Conversation.SendAsync("Your last day, Bob");
        await Expect(ThreadListPane.Name(bob.Threads.Item(threadId))).ToHaveTextAsync("Ada Admin");

        await ada.GoToAsync("admin/people");
        await ada.Page.Locator(".people-search input").FillAsync(bob.Person.Handle);
        // The search reloads the grid from the server: wait for it, so the click lands on the row as it stays.
        await Expect(ada.Page.Locator(".person-actions")).ToHaveCountAsync(1);
        var bobsRow = ada.Page.Locator($".person-actions[data-user='{bob.Person.Email}']");
        await bobsRow.Locator("button.deactivate").ClickAsync();

        await Expect(bob.Page.Locator("#signed-out")).ToBeVisibleAsync();
        await Expect(bob.Page.Locator("#signed-out [role=alert]")).ToContainTextAsync("deactivated");
        await Expect(ada.Page.Locator(".people-grid tr", new() { Has = bobsRow }).Locator(".person-status")).ToHaveTextAsync("Deactivated");
        await bob.Page.GotoAsync("");
        await Expect(bob.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    }
}
