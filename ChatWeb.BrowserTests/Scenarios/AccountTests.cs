using System.Text.RegularExpressions;
using ChatWeb.BrowserTests.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace ChatWeb.BrowserTests.Scenarios;

public sealed class AccountTests(ChatWebServer server, BrowserHost host) : BrowserScenario(server, host)
{
    [Fact]
    public async Task Register_LogOutAndBackIn_ShowsTheChatPageSignedIn()
    {
        var alice = await RegisterAsync("Alice Martin");
        var bob = await RegisterAsync("Bob Stone");

        await alice.LogOutAsync();
        await bob.LogOutAsync();
        await Expect(alice.Page).ToHaveURLAsync(new Regex("/Account/Login"));
        await alice.LogInAsync();
        await bob.LogInAsync();

        await Expect(alice.Page.Locator(".signed-in-user")).ToHaveTextAsync("Alice Martin");
        await Expect(bob.Page.Locator(".signed-in-user")).ToHaveTextAsync("Bob Stone");
        await Expect(alice.Page.GetByTestId("no-threads")).ToBeVisibleAsync();
        await alice.OpenAccountMenuAsync();
        await Expect(alice.Page.Locator("#logout")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ChatPage_SignedOut_RedirectsToLogin()
    {
        var stranger = await OpenDeviceAsync(Person.Create("Sam Nobody"));

        await stranger.Page.GotoAsync("");

        await Expect(stranger.Page).ToHaveURLAsync(new Regex("/Account/Login"));
        await Expect(stranger.Page.Locator("#login-submit")).ToBeVisibleAsync();
    }
}
