using ChatWeb.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace ChatWeb.BrowserTests.Scenarios;

/// <summary>
/// Sets up a lived-in workspace and photographs the main screens. The pictures go to the test
/// output; with CHATWEB_UPDATE_SCREENSHOTS=1 they replace the ones in docs/screenshots.
/// </summary>
public sealed class ScreenshotTests(ChatWebServer server, BrowserHost host) : BrowserScenario(server, host)
{
    [Fact]
    public async Task MainScreens_DesktopLightDarkAndPhone_AreCaptured()
    {
        var alice = await SignUpAsync("Alice Martin");
        var bob = await SignUpAsync("Bob Stone");
        var carol = await SignUpAsync("Carol Diaz");
        var dan = await SignUpAsync("Dan Okafor");
        var withBob = await SetUpWorkspaceAsync(alice, bob, carol, dan);

        await alice.GoToAsync($"chat/{withBob}");
        await Expect(alice.Conversation.Messages).ToHaveCountAsync(6);
        await SaveAsync(alice.Page, "desktop-light.png");

        await alice.OpenAccountMenuAsync();
        await alice.Page.Locator("#theme-toggle").ClickAsync();
        await alice.Page.WaitForFunctionAsync(IsDarkScript);
        // The choice is a cookie, so even the next page's first (server-rendered) paint is dark.
        await alice.Page.ReloadAsync();
        Assert.True(await alice.Page.EvaluateAsync<bool>(IsDarkScript), "Dark mode was not kept across a reload.");
        await alice.WaitUntilInteractiveAsync();
        await Expect(alice.Conversation.Messages).ToHaveCountAsync(6);
        await SaveAsync(alice.Page, "desktop-dark.png");

        var phone = await SecondDeviceAsync(alice.Person, Viewports.Phone);
        await Expect(phone.Threads.Items).ToHaveCountAsync(4);
        await SaveAsync(phone.Page, "phone-list.png");
        await phone.Threads.Item(withBob).ClickAsync();
        await Expect(phone.Conversation.Messages).ToHaveCountAsync(6);
        await SaveAsync(phone.Page, "phone-conversation.png");
    }

    private const string IsDarkScript = """
        () => {
            const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
            return r + g + b < 200;
        }
        """;

    /// <summary>A direct chat with Bob (returned), a busy group, an unread question from Carol, and Dan gone offline.</summary>
    private static async Task<Guid> SetUpWorkspaceAsync(Device alice, Device bob, Device carol, Device dan)
    {
        var fromDan = await dan.NewChat.StartDirectChatAsync(alice.Person);
        await dan.Conversation.SendAsync("Thanks for the review, merged it.");
        await dan.CloseTabAsync();

        var group = await alice.NewChat.CreateGroupAsync("Design review", bob.Person, carol.Person);
        await alice.Conversation.SendAsync("Mock-ups for the new onboarding are in the shared folder.");
        await carol.GoToAsync($"chat/{group}");
        await carol.Conversation.SendAsync("Love the colour palette. Can we try a larger font on phones?");

        var withBob = await alice.NewChat.StartDirectChatAsync(bob.Person);
        await bob.GoToAsync($"chat/{withBob}");
        await alice.Conversation.SendAsync("Hi Bob! Do you have a minute to look at the release notes?");
        await bob.Conversation.SendAsync("Sure, send them over.");
        await alice.Conversation.SendAsync("Here: the draft covers search, presence and the new dark mode.");
        await bob.Conversation.SendAsync("Looks great. One typo in the second paragraph:\n\"recieve\" → \"receive\"");
        await alice.Conversation.SendAsync("Fixed, thanks!");
        await bob.Conversation.SendAsync("Ship it!");

        var withCarol = await carol.NewChat.StartDirectChatAsync(alice.Person);
        await carol.Conversation.SendAsync("Are we still on for the 3 pm call?");
        return withBob;
    }

    private static async Task SaveAsync(IPage page, string fileName)
    {
        var folder = Environment.GetEnvironmentVariable("CHATWEB_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(AppFolder.RepositoryRoot(), "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Animations = ScreenshotAnimations.Disabled, Caret = ScreenshotCaret.Hide });
        TestContext.Current.TestOutputHelper?.WriteLine($"Saved {path}");
    }
}
