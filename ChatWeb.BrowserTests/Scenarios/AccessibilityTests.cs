using ChatWeb.BrowserTests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace ChatWeb.BrowserTests.Scenarios;

/// <summary>
/// axe-core, injected into the real pages as people see them, in both themes. Serious and critical
/// findings fail the test; lesser ones are listed in its output. A new page is one more name in
/// <see cref="ScannedPages"/> and one more case in <see cref="ScanAsync"/>.
/// </summary>
public sealed class AccessibilityTests(ChatWebServer server, BrowserHost host) : BrowserScenario(server, host)
{
    private static readonly string[] ScannedPages = ["login", "chat", "admin"];

    private static readonly string[] Failing = ["serious", "critical"];

    public static TheoryData<string, Theme> PagesInBothThemes()
    {
        var data = new TheoryData<string, Theme>();
        foreach (var page in ScannedPages)
        {
            data.Add(page, Theme.Light);
            data.Add(page, Theme.Dark);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PagesInBothThemes))]
    public async Task Page_ScannedByAxe_NoSeriousOrCriticalFindings(string name, Theme theme)
    {
        var findings = new List<string>();

        await ScanAsync(name, theme, async (page, state) => findings.AddRange(await FailingFindingsAsync(page, $"{name} ({theme}, {state})")));

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    /// <summary>
    /// Opens the page as a person sees it, settled (interactive, content loaded), and hands each
    /// state worth a look to <paramref name="scan"/>: a menu or panel opened is part of the page too.
    /// </summary>
    private async Task ScanAsync(string name, Theme theme, Func<IPage, string, Task> scan)
    {
        switch (name)
        {
            case "login":
            {
                var visitor = await OpenDeviceAsync(Person.Create("Vera Visitor"));
                await ChooseThemeAsync(visitor, theme);
                await visitor.Page.GotoAsync("Account/Login");
                await Expect(visitor.Page.Locator("#login-submit")).ToBeVisibleAsync();
                await scan(visitor.Page, "as it opens");
                break;
            }
            case "chat":
            {
                var alice = await OpenBusyGroupAsync(theme);
                await scan(alice.Page, "a group conversation open, news in another");
                await WalkThroughMessageLifeAsync(alice, scan);
                await alice.Conversation.OpenSettingsAsync();
                await scan(alice.Page, "details panel open");
                await alice.Conversation.CloseSettings.ClickAsync();
                await alice.OpenAccountMenuAsync();
                await scan(alice.Page, "account menu open");
                break;
            }
            case "admin":
            {
                var ada = await SignUpAsync("Ada Admin");
                await SignUpAsync("Bob Stone");
                await MakeAdminAsync(ada.Person);
                await ChooseThemeAsync(ada, theme);
                await ada.GoToAsync("admin/people");
                await Expect(ada.Page.Locator(".person-actions").First).ToBeVisibleAsync();
                await scan(ada.Page, "people listed");
                break;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "No such page to scan.");
        }
    }

    /// <summary>
    /// Alice on a group conversation with an unread divider, others' names, her own bubble and a day
    /// label, and beside it a direct chat with unread news and the other person's presence.
    /// </summary>
    private async Task<Device> OpenBusyGroupAsync(Theme theme)
    {
        var alice = await SignUpAsync("Alice Martin");
        var bob = await SignUpAsync("Bob Stone");
        var carol = await SignUpAsync("Carol Diaz");
        var group = await carol.NewChat.CreateGroupAsync("Launch plan", alice.Person, bob.Person);
        await carol.Conversation.SendAsync("Kick-off at ten tomorrow.");
        var withBob = await bob.NewChat.StartDirectChatAsync(alice.Person);
        await alice.GoToAsync($"chat/{group}");
        await alice.Conversation.SendAsync("I will bring the slides.");
        await alice.GoToAsync();
        await carol.Conversation.SendAsync("Great, thanks!");
        await bob.Conversation.SendAsync("Do you have a minute about the dates?");
        await Expect(ThreadListPane.UnreadBadge(alice.Threads.Item(withBob))).ToHaveTextAsync("1");

        await ChooseThemeAsync(alice, theme);
        await alice.GoToAsync($"chat/{group}");
        await Expect(alice.Conversation.Messages).ToHaveCountAsync(3);
        await Expect(alice.Page.GetByTestId("new-messages-divider")).ToBeVisibleAsync();
        await Expect(ThreadListPane.PresenceDot(alice.Threads.Item(withBob))).ToHaveAttributeAsync("data-online", "true");
        return alice;
    }

    /// <summary>
    /// The controls of a message's life: the reaction picker open, then a reply with its quote, a
    /// reaction chip, an edited and a deleted message, with a message's action bar showing.
    /// </summary>
    private static async Task WalkThroughMessageLifeAsync(Device alice, Func<IPage, string, Task> scan)
    {
        var kickOff = alice.Conversation.Message(1);
        await kickOff.HoverAsync();
        await kickOff.GetByRole(AriaRole.Button, new() { Name = "Add a reaction" }).ClickAsync();
        var pick = alice.Page.GetByRole(AriaRole.Menuitem, new() { Name = "React with 🎉" });
        await Expect(pick).ToBeVisibleAsync();
        await scan(alice.Page, "reaction picker open");
        await pick.ClickAsync();
        await Expect(kickOff.GetByTestId("reaction-chip")).ToBeVisibleAsync();
        await kickOff.HoverAsync();
        await kickOff.GetByRole(AriaRole.Button, new() { Name = "Reply", Exact = true }).ClickAsync();
        await alice.Conversation.SendAsync("Ten works for me.");
        await alice.Conversation.SendAsync("Sent too soon");
        await alice.Conversation.Input.PressAsync("ArrowUp");
        await alice.Page.GetByTestId("edit-input").FillAsync("Sent too soon, sorry");
        await alice.Page.GetByTestId("edit-input").PressAsync("Enter");
        await Expect(alice.Conversation.Messages.Last.GetByTestId("edited-label")).ToBeVisibleAsync();
        var slides = alice.Conversation.Message(2);
        await slides.HoverAsync();
        await slides.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await alice.Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Expect(slides.GetByTestId("deleted-body")).ToBeVisibleAsync();
        await kickOff.HoverAsync();
        await Expect(kickOff.GetByTestId("message-actions")).ToBeVisibleAsync();
        await scan(alice.Page, "a reply, a reaction, an edited and a deleted message, an action bar showing");
    }

    private static async Task<List<string>> FailingFindingsAsync(IPage page, string where)
    {
        var result = await page.RunAxe();
        foreach (var violation in result.Violations)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{where}: {Describe(violation)}");
        }
        return result.Violations.Where(v => Failing.Contains(v.Impact)).Select(v => $"{where}: {Describe(v)}").ToList();
    }

    /// <summary>The theme is a cookie, so even the server's first paint of the page has it.</summary>
    private async Task ChooseThemeAsync(Device device, Theme theme) =>
        await device.Context.AddCookiesAsync(
        [
            new Cookie { Name = "chatweb-theme", Value = theme == Theme.Dark ? "dark" : "light", Url = Server.BaseUrl.ToString() },
        ]);

    private static string Describe(AxeResultItem violation) =>
        $"{violation.Impact} {violation.Id}: {violation.Help}{Environment.NewLine}"
        + string.Join(Environment.NewLine, violation.Nodes.Select(n => $"    {n.Target}  {n.Html}  {string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}"));

    public enum Theme
    {
        Light,
        Dark,
    }
}
