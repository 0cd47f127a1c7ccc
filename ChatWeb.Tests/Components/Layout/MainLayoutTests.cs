using Bunit;
using ChatWeb.Components.Layout;
using Xunit;

namespace ChatWeb.Tests.Components.Layout;

public sealed class MainLayoutTests : ChatComponentTestContext
{
    [Fact]
    public void Render_SignedInInteractively_OneAccountButtonWithTheNameAndNoLooseLogout()
    {
        SignIn("Ann Lee");
        RenderInteractively();

        var layout = Render<MainLayout>(p => p.Add(l => l.Body, Text("page body")));

        // MudMenu's activator is the button; the name inside is its accessible name.
        var button = layout.Find(".chat-appbar [role=button][aria-haspopup=menu]");
        Assert.Equal("Ann Lee", button.QuerySelector("#account-menu-button .signed-in-user")!.TextContent.Trim());
        Assert.Equal("0", button.GetAttribute("tabindex"));
        // Logging out and the theme are in the menu, not loose in the bar.
        Assert.Empty(layout.FindAll("#logout"));
        Assert.Empty(layout.FindAll("#theme-toggle"));
        Assert.Equal("page body", layout.Find(".chat-main").TextContent.Trim());
    }

    [Fact]
    public void AccountMenu_Opened_ShowsWhoSettingsThemeAndLogOutAsAFormPost()
    {
        SignIn("Ann Lee", "ann.lee@corp.example");
        RenderInteractively();
        var layout = Render<MainLayout>(p => p.Add(l => l.Body, Text("page body")));

        layout.Find("#account-menu-button").Click();

        var who = layout.Find("[data-testid=account-who]");
        Assert.Equal("Ann Lee", who.QuerySelector(".account-name")!.TextContent);
        Assert.Equal("ann.lee@corp.example", who.QuerySelector(".account-email")!.TextContent);
        Assert.Equal("Account/Manage", layout.Find("[data-testid=account-settings]").GetAttribute("href"));
        Assert.Equal("Dark mode", layout.Find("#theme-toggle").TextContent.Trim());
        var logout = layout.Find("form.logout-form");
        Assert.Equal("post", logout.GetAttribute("method"));
        Assert.Equal("Account/Logout", logout.GetAttribute("action"));
        Assert.Equal("Log out", logout.QuerySelector("button#logout[type=submit]")?.TextContent.Trim());
    }

    [Fact]
    public void Render_Static_AccountLinkAndLogoutButtonWithoutAMenu()
    {
        SignIn("Ann Lee");

        var layout = Render<MainLayout>(p => p.Add(l => l.Body, Text("page body")));

        Assert.Equal("Ann Lee", layout.Find(".chat-appbar .signed-in-user").TextContent.Trim());
        Assert.Equal("Account/Manage", layout.Find("a.account-button").GetAttribute("href"));
        var logout = layout.Find(".chat-appbar form.logout-form");
        Assert.Equal(("post", "Account/Logout"), (logout.GetAttribute("method"), logout.GetAttribute("action")));
        Assert.Equal("Log out", logout.QuerySelector("button#logout[type=submit]")!.GetAttribute("aria-label"));
        Assert.Empty(layout.FindAll("#account-menu-button"));
        Assert.Empty(layout.FindAll("#theme-toggle"));
    }

    [Fact]
    public void Render_SignedInWithoutDisplayNameClaim_ShowsUserName()
    {
        Authorization.SetAuthorized("bob@corp.example");

        var layout = Render<MainLayout>(p => p.Add(l => l.Body, Text("page body")));

        Assert.Equal("bob@corp.example", layout.Find(".signed-in-user").TextContent.Trim());
    }

    [Fact]
    public void Render_Anonymous_ShowsNeitherUserNorLogout()
    {
        var layout = Render<MainLayout>(p => p.Add(l => l.Body, Text("page body")));

        Assert.Empty(layout.FindAll(".signed-in-user"));
        Assert.Empty(layout.FindAll("form.logout-form"));
        Assert.NotEmpty(layout.FindAll(".chat-appbar"));
    }

    [Fact]
    public void ThemeToggle_ChosenInTheAccountMenu_StoresDarkModeInCookie()
    {
        SignIn("Ann Lee");
        RenderInteractively();
        var layout = Render<MainLayout>(p => p.Add(l => l.Body, Text("page body")));
        layout.Find("#account-menu-button").Click();

        layout.Find("#theme-toggle").Click();

        var call = JSInterop.VerifyInvoke("chatWeb.setTheme");
        Assert.Equal(["chatweb-theme", "dark"], call.Arguments);
    }

    [Fact]
    public void ThemeToggle_Chosen_DrawsTheDarkPaletteInThePageOnlyThen()
    {
        SignIn("Ann Lee");
        RenderInteractively();
        var layout = Render<MainLayout>(p => p.Add(l => l.Body, Text("page body")));
        // The page's first theme is App's static one: an idle circuit holds none.
        Assert.Empty(layout.FindAll("style.mud-theme-provider"));
        layout.Find("#account-menu-button").Click();

        layout.Find("#theme-toggle").Click();

        // The dark palette's app bar, #1e1e2d.
        Assert.Contains("--mud-palette-appbar-background: rgba(30,30,45,1);", layout.Find("style.mud-theme-provider").TextContent);
    }
}
