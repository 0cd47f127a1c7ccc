using System.Net;
using ChatWeb.Domain.Entities;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatWeb.Tests.Integration;

/// <summary>Display names follow the domain's name rules on the registration and profile pages.</summary>
public sealed class DisplayNameTests(ChatWebFactory factory) : IClassFixture<ChatWebFactory>
{
    [Theory]
    [InlineData("\u202Egnp.exe", "text-direction controls")]
    [InlineData("\u200B\u200B", "only of invisible characters")]
    [InlineData("Ann\u001b[31m", "control characters")]
    public async Task Register_SpoofedOrInvisibleName_ShowsErrorAndCreatesNoOne(string displayName, string expected)
    {
        using var browser = factory.CreateBrowser();
        var email = TestUsers.UniqueEmail();

        var page = await browser.RegisterAsync(displayName, email);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(page.Alerts, alert => alert.Contains(expected));
        Assert.Null(await FindAsync(email));
    }

    [Fact]
    public async Task Register_DecomposedName_StoredNormalized()
    {
        using var browser = factory.CreateBrowser();
        var email = TestUsers.UniqueEmail();

        await browser.RegisterAsync("Zoe\u0308 Lee", email);

        Assert.Equal("Zoë Lee", (await FindAsync(email))!.DisplayName);
    }

    [Fact]
    public async Task EditProfile_RightToLeftOverride_ShowsErrorAndKeepsTheName()
    {
        using var browser = factory.CreateBrowser();
        var email = TestUsers.UniqueEmail();
        await browser.RegisterAsync("Ann Lee", email);

        await browser.SubmitAsync("/Account/Manage", "profile", new Dictionary<string, string> { ["Input.DisplayName"] = "\u202Egnp.exe" });
        var page = await browser.GetAsync("/Account/Manage");

        Assert.Contains("text-direction controls", page.Document.Body!.TextContent);
        Assert.Equal("Ann Lee", (await FindAsync(email))!.DisplayName);
    }

    private async Task<ChatUser?> FindAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ChatUser>>().FindByEmailAsync(email);
    }
}
