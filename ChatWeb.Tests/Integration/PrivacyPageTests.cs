using System.Net;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatWeb.Tests.Integration;

/// <summary>The account's privacy page: read receipts on by default, turned off and on with a real form post.</summary>
public sealed class PrivacyPageTests(ChatWebFactory factory) : IClassFixture<ChatWebFactory>
{
    private const string Page = "/Account/Manage/Privacy";

    [Fact]
    public async Task Privacy_NewAccount_ShowsReadReceiptsOn()
    {
        using var browser = factory.CreateBrowser();
        await browser.RegisterAsync("Ann Lee", TestUsers.UniqueEmail());

        var page = await browser.GetAsync(Page);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(Switch(page).IsChecked);
    }

    [Fact]
    public async Task Privacy_TurnedOffThenOn_IsStoredAndShownEachTime()
    {
        using var browser = factory.CreateBrowser();
        var email = TestUsers.UniqueEmail();
        await browser.RegisterAsync("Bob Stone", email);

        var off = await browser.SubmitAsync(Page, "privacy", new Dictionary<string, string>());
        var shownOff = await browser.GetAsync(Page);
        var sharingOff = await IsSharingAsync(email);
        await browser.SubmitAsync(Page, "privacy", new Dictionary<string, string> { ["Input.ShareReadReceipts"] = "true" });
        var shownOn = await browser.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False(sharingOff);
        Assert.False(Switch(shownOff).IsChecked);
        Assert.Contains("Read receipts are off.", shownOff.Alerts);
        Assert.True(await IsSharingAsync(email));
        Assert.True(Switch(shownOn).IsChecked);
    }

    [Fact]
    public async Task Privacy_Anonymous_RedirectsToLogin()
    {
        using var browser = factory.CreateBrowser();

        var page = await browser.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.RedirectTarget);
    }

    private static AngleSharp.Html.Dom.IHtmlInputElement Switch(HtmlPage page) =>
        (AngleSharp.Html.Dom.IHtmlInputElement)page.Document.QuerySelector("input[role=switch]")!;

    private async Task<bool> IsSharingAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ChatUser>>().FindByEmailAsync(email);
        return await factory.Services.GetRequiredService<ReadReceiptsService>().IsSharingAsync(user!.Id, TestContext.Current.CancellationToken);
    }
}
