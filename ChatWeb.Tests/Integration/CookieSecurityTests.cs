using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace ChatWeb.Tests.Integration;

/// <summary>The sign-in and antiforgery cookies are Secure exactly when the request came over HTTPS.</summary>
public sealed class CookieSecurityTests(ChatWebFactory factory) : IClassFixture<ChatWebFactory>
{
    [Theory]
    [InlineData("https://localhost/", true)]
    [InlineData("http://localhost/", false)]
    public async Task LogIn_OverScheme_CookiesSecureOnlyOverHttps(string baseAddress, bool secure)
    {
        var email = await factory.RegisterUserAsync();
        using var browser = new BrowserSession(factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri(baseAddress),
            AllowAutoRedirect = false,
            HandleCookies = true,
        }));

        var loginPage = await browser.GetAsync("/Account/Login");
        var loggedIn = await browser.LoginAsync(email);

        var antiforgery = Assert.Single(SetCookies(loginPage), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var identity = Assert.Single(SetCookies(loggedIn), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.Equal(secure, antiforgery.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(secure, identity.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("; httponly", identity, StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> SetCookies(HtmlPage page) =>
        page.Response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
