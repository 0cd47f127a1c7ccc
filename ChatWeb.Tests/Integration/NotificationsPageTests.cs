using System.Net;
using ChatWeb.Domain.Attention;
using ChatWeb.Domain.Entities;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatWeb.Tests.Integration;

/// <summary>The account's notification settings: all on for a new account, stored per person with a real form post.</summary>
public sealed class NotificationsPageTests(ChatWebFactory factory) : IClassFixture<ChatWebFactory>
{
    private const string Page = "/Account/Manage/Notifications";

    [Fact]
    public async Task Notifications_NewAccount_ShowsEverythingOn()
    {
        using var browser = factory.CreateBrowser();
        await browser.RegisterAsync("Ann Lee", TestUsers.UniqueEmail());

        var page = await browser.GetAsync(Page);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal([true, true, true], Switches(page));
    }

    [Fact]
    public async Task Notifications_PreviewAndSoundTurnedOff_AreStoredForThePersonAndShown()
    {
        using var browser = factory.CreateBrowser();
        var email = TestUsers.UniqueEmail();
        await browser.RegisterAsync("Bob Stone", email);

        var saved = await browser.SubmitAsync(Page, "notifications", new Dictionary<string, string> { ["Input.Desktop"] = "true" });
        var shown = await browser.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([true, false, false], Switches(shown));
        Assert.Contains("Your notification settings are saved.", shown.Alerts);
        Assert.Equal(new NotificationSettings(Desktop: true, Sound: false, Preview: false), await StoredAsync(email));
    }

    private static List<bool> Switches(HtmlPage page) =>
        page.Document.QuerySelectorAll("input[role=switch]").Cast<AngleSharp.Html.Dom.IHtmlInputElement>().Select(i => i.IsChecked).ToList();

    private async Task<NotificationSettings> StoredAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ChatUser>>().FindByEmailAsync(email);
        return await factory.Services.GetRequiredService<NotificationSettingsService>().GetAsync(user!.Id, TestContext.Current.CancellationToken);
    }
}
