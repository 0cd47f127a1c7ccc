using System.Net;
using System.Net.Http.Json;
using ChatWeb.Tests.Infrastructure;
using Xunit;

namespace ChatWeb.Tests.Integration.CompanySignIn;

/// <summary>Authentication:LocalAccounts=false: the company's provider is the only way in.</summary>
public sealed class LocalAccountsOffTests(SsoFixture sso) : IClassFixture<SsoFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LoginPage_OffersOnlyTheCompanyProvider()
    {
        await using var app = SsoOnly();
        using var browser = app.CreateBrowser();

        var page = await browser.GetAsync("/Account/Login");

        Assert.NotNull(page.Document.QuerySelector("#external-login"));
        Assert.Null(page.Document.QuerySelector("#login-submit"));
        Assert.Empty(page.Document.QuerySelectorAll("a[href*='Account/Register']"));
    }

    [Theory]
    [InlineData("/api/auth/register")]
    [InlineData("/api/auth/login")]
    public async Task TokenApi_PasswordEndpoints_Return403(string path)
    {
        await using var app = SsoOnly();
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync(path, new { email = TestUsers.UniqueEmail(), password = TestUsers.Password }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task RegisterPage_RedirectsToLogin()
    {
        await using var app = SsoOnly();
        using var browser = app.CreateBrowser();

        var page = await browser.GetAsync("/Account/Register");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/Account/Login", page.RedirectTarget);
    }

    [Fact]
    public async Task SignIn_ThroughTheProvider_StillWorks()
    {
        await using var app = SsoOnly();
        var (id, _) = await sso.AddPersonAsync("Kim Only");
        using var browser = new SsoBrowser(app, sso.Provider);

        var landed = await browser.SignInAsync(id);

        Assert.Equal("Kim Only", landed.Text(".signed-in-user"));
    }

    private SsoFactory SsoOnly() => new(sso.Provider.Authority, new Dictionary<string, string> { ["Authentication:LocalAccounts"] = "false" });
}
