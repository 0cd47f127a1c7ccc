using Bunit;
using ChatWeb.Components.Layout;
using Xunit;

namespace ChatWeb.Tests.Components.Layout;

public sealed class MainLayoutTests : ChatComponentTestContext
{
    [Fact]
    public void Render_SignedIn_ShowsDisplayNameAndLogoutButton()
    {
        SignIn("Ann Lee");

        var layout = Render<MainLayout>(p => p.Add(l => l.Body, Text("page body")));

        Assert.Equal("Ann Lee", layout.Find(".chat-appbar .signed-in-user").TextContent.Trim());
        var logout = layout.Find(".chat-appbar form.logout-form");
        Assert.Equal("post", logout.GetAttribute("method"));
        Assert.Equal("Account/Logout", logout.GetAttribute("action"));
        Assert.Equal("Log out", logout.QuerySelector("button#logout[type=submit]")?.TextContent.Trim());
        Assert.Equal("page body", layout.Find(".chat-main").TextContent.Trim());
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
    public void Render_Static_HidesThemeToggle()
    {
        SignIn("Ann Lee");

        var layout = Render<MainLayout>(p => p.Add(l => l.Body, Text("page body")));

        Assert.Empty(layout.FindAll("#theme-toggle"));
    }

    [Fact]
    public void ThemeToggle_ClickedInteractively_StoresDarkModeInCookie()
    {
        SignIn("Ann Lee");
        RenderInteractively();
        var layout = Render<MainLayout>(p => p.Add(l => l.Body, Text("page body")));

        layout.Find("#theme-toggle").Click();

        var call = JSInterop.VerifyInvoke("chatWeb.setTheme");
        Assert.Equal(["chatweb-theme", "dark"], call.Arguments);
    }
}
