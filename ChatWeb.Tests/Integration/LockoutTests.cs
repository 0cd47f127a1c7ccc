using System.Net;
using System.Net.Http.Json;
using ChatWeb.Tests.Infrastructure;
using Xunit;

namespace ChatWeb.Tests.Integration;

/// <summary>Five wrong passwords lock the account, whichever door they were tried at.</summary>
public sealed class LockoutTests(ChatWebFactory factory) : IClassFixture<ChatWebFactory>
{
    private const int AllowedFailures = 5;
    private const string WrongPassword = "Wrong-Passw0rd";

    [Fact]
    public async Task LoginPage_FiveWrongPasswords_RedirectsToLockoutEvenForRightPassword()
    {
        var email = await factory.RegisterUserAsync();
        using var browser = factory.CreateBrowser();
        for (var attempt = 1; attempt < AllowedFailures; attempt++)
        {
            var refused = await browser.LoginAsync(email, WrongPassword);
            Assert.Contains("Error: Wrong email or password.", refused.Alerts);
        }

        var fifth = await browser.LoginAsync(email, WrongPassword);
        var right = await browser.LoginAsync(email);
        var lockoutPage = await browser.GetAsync(right.RedirectTarget!);
        var home = await browser.GetAsync("/");

        Assert.Equal("/Account/Lockout", fifth.RedirectTarget);
        Assert.Equal("/Account/Lockout", right.RedirectTarget);
        Assert.Contains(lockoutPage.Alerts, alert => alert.Contains("locked out"));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task TokenLogin_FiveWrongPasswords_RefusesRightPasswordAsLockedOut()
    {
        var email = await factory.RegisterUserAsync();
        using var client = factory.CreateClient();
        for (var attempt = 1; attempt <= AllowedFailures; attempt++)
        {
            using var refused = await client.PostAsJsonAsync("/api/auth/login", new { email, password = WrongPassword }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var right = await client.PostAsJsonAsync("/api/auth/login", new { email, password = TestUsers.Password }, TestContext.Current.CancellationToken);
        var body = await right.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("LockedOut", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LoginPage_AfterTokenLockout_RedirectsToLockout()
    {
        var email = await factory.RegisterUserAsync();
        using var client = factory.CreateClient();
        for (var attempt = 1; attempt <= AllowedFailures; attempt++)
        {
            using var refused = await client.PostAsJsonAsync("/api/auth/login", new { email, password = WrongPassword }, TestContext.Current.CancellationToken);
        }
        using var browser = factory.CreateBrowser();

        var page = await browser.LoginAsync(email);

        Assert.Equal("/Account/Lockout", page.RedirectTarget);
    }
}
