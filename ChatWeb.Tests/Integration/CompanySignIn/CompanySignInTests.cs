using System.Net;
using System.Text.RegularExpressions;
using ChatWeb.Domain.Data;
using ChatWeb.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatWeb.Tests.Integration.CompanySignIn;

/// <summary>Signing in through a real OpenID Provider (oidc-provider on loopback): accounts made, linked and refused.</summary>
public sealed class CompanySignInTests(SsoFixture sso) : IClassFixture<SsoFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LoginPage_ProviderConfigured_OffersSignInWithItsName()
    {
        using var browser = sso.App.CreateBrowser();

        var page = await browser.GetAsync("/Account/Login");

        Assert.Equal($"Sign in with {SsoFactory.ProviderName}", page.Text("#external-login"));
        Assert.NotNull(page.Document.QuerySelector("#login-submit"));
    }

    [Fact]
    public async Task SignIn_NewPersonWithVerifiedEmail_CreatesTheAccountAndLandsInTheChat()
    {
        var (id, email) = await sso.AddPersonAsync("Ann Lee");
        using var browser = new SsoBrowser(sso.App, sso.Provider);

        var landed = await browser.SignInAsync(id);

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("Ann Lee", landed.Text(".signed-in-user"));
        Assert.Equal(1, await CountAccountsAsync(email));
    }

    [Fact]
    public async Task SignIn_LocalAccountWithTheSameEmail_LinksItInsteadOfMakingASecond()
    {
        var (id, email) = await sso.AddPersonAsync("Bob Stone");
        await sso.App.RegisterUserAsync(email);
        using var browser = new SsoBrowser(sso.App, sso.Provider);

        var landed = await browser.SignInAsync(id);
        var passwordStillWorks = await sso.App.LoginWithTokenAsync(email);

        Assert.Equal("Bob Stone", landed.Text(".signed-in-user"));
        Assert.Equal(1, await CountAccountsAsync(email));
        Assert.NotEmpty(passwordStillWorks.AccessToken);
        await using var db = await DbAsync();
        Assert.Equal(1, await db.UserLogins.CountAsync(l => l.ProviderKey == id, Ct));
    }

    [Fact]
    public async Task SignIn_Again_TakesTheNewNameFromTheDirectory()
    {
        var (id, email) = await sso.AddPersonAsync("Cat Moss");
        using (var first = new SsoBrowser(sso.App, sso.Provider))
        {
            await first.SignInAsync(id);
        }
        await sso.Provider.AddAccountAsync(id, email, true, "Cat Moss-Berg");
        using var second = new SsoBrowser(sso.App, sso.Provider);

        var landed = await second.SignInAsync(id);

        Assert.Equal("Cat Moss-Berg", landed.Text(".signed-in-user"));
        Assert.Equal(1, await CountAccountsAsync(email));
    }

    [Fact]
    public async Task SignIn_NoEmailClaim_RefusedWithAClearPage()
    {
        var (id, _) = await sso.AddPersonAsync("Dan Noemail", withEmail: false);
        using var browser = new SsoBrowser(sso.App, sso.Provider);

        var page = await browser.SignInAsync(id);

        Assert.Equal("/Account/ExternalLoginFailed", page.Document.Location.PathName);
        Assert.Contains(page.Alerts, a => a.Contains("did not tell ChatWeb your email address"));
        Assert.Empty(page.Document.QuerySelectorAll(".signed-in-user"));
    }

    [Fact]
    public async Task SignIn_UnverifiedEmail_RefusedWithAClearPageAndNoAccount()
    {
        var (id, email) = await sso.AddPersonAsync("Eve Unverified", emailVerified: false);
        using var browser = new SsoBrowser(sso.App, sso.Provider);

        var page = await browser.SignInAsync(id);

        Assert.Contains(page.Alerts, a => a.Contains("has not verified your email address"));
        Assert.Equal(0, await CountAccountsAsync(email));
    }

    [Fact]
    public async Task Callback_WrongState_RefusedAndNotSignedIn()
    {
        var (id, email) = await sso.AddPersonAsync("Fay State");
        using var browser = new SsoBrowser(sso.App, sso.Provider);
        var callback = await browser.SignInAtProviderAsync(await browser.StartAsync(), id);

        var tampered = new Uri(Regex.Replace(callback.AbsoluteUri, "state=[^&]+", "state=forged-state"));
        var page = await browser.FollowAppAsync(tampered);
        var home = await browser.App.GetAsync("/");

        Assert.Contains(page.Alerts, a => a.Contains("could not be accepted"));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal(0, await CountAccountsAsync(email));
    }

    [Fact]
    public async Task SignIn_WrongNonce_RefusedAndNotSignedIn()
    {
        await using var app = new SsoFactory(sso.Provider.Authority, withoutPushedAuthorization: true);
        var (id, email) = await sso.AddPersonAsync("Gus Nonce");
        using var browser = new SsoBrowser(app, sso.Provider);
        var authorize = await browser.StartAsync();

        // The provider is asked for a token bound to another nonce than the one ChatWeb's cookie holds.
        var forged = new Uri(Regex.Replace(authorize.AbsoluteUri, "nonce=[^&]+", "nonce=forged-nonce"));
        var page = await browser.FollowAppAsync(await browser.SignInAtProviderAsync(forged, id));

        Assert.Contains("nonce=", authorize.Query);
        Assert.Contains(page.Alerts, a => a.Contains("could not be accepted"));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContextAsync(Ct);
        Assert.False(await db.Users.AnyAsync(u => u.Email == email, Ct));
    }

    [Fact]
    public async Task SignIn_TokenFromAnotherIssuer_RefusedAndNotSignedIn()
    {
        await using var app = new SsoFactory(sso.Provider.WrongIssuerAuthority);
        var (id, email) = await sso.AddPersonAsync("Hal Issuer");
        using var browser = new SsoBrowser(app, sso.Provider);

        var page = await browser.SignInAsync(id);

        Assert.Contains(page.Alerts, a => a.Contains("could not be accepted"));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContextAsync(Ct);
        Assert.False(await db.Users.AnyAsync(u => u.Email == email, Ct));
    }

    [Fact]
    public async Task SignIn_ProviderDown_ShowsAClearPage()
    {
        await using var app = new SsoFactory($"http://127.0.0.1:{ClosedPort()}");
        using var browser = new SsoBrowser(app, sso.Provider);

        var login = await browser.App.GetAsync("/Account/Login");
        var started = await browser.App.SubmitAsync(login.Form("form.external-login"), new Dictionary<string, string>());
        var page = await browser.FollowAppAsync(new Uri(new Uri("http://localhost/"), started.RedirectTarget!));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal($"{SsoFactory.ProviderName} is not reachable", page.Text("h1"));
    }

    [Fact]
    public async Task SignIn_DeactivatedPerson_Refused()
    {
        var (id, email) = await sso.AddPersonAsync("Ian Gone");
        using (var first = new SsoBrowser(sso.App, sso.Provider))
        {
            await first.SignInAsync(id);
        }
        var admin = await sso.App.RegisterAdminAsync();
        using var adminApi = await sso.App.CreateBearerClientAsync(admin);
        using var deactivated = await adminApi.PostAsync($"/api/admin/people/{email}/deactivate", null, Ct);
        using var browser = new SsoBrowser(sso.App, sso.Provider);

        var page = await browser.SignInAsync(id);

        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.Contains(page.Alerts, a => a.Contains("deactivated"));
        Assert.Empty(page.Document.QuerySelectorAll(".signed-in-user"));
    }

    [Fact]
    public async Task Logout_AfterCompanySignIn_EndsTheProvidersSessionToo()
    {
        var (id, _) = await sso.AddPersonAsync("Jo Out");
        using var browser = new SsoBrowser(sso.App, sso.Provider);
        await browser.SignInAsync(id);

        var loggedOut = await browser.App.LogoutAsync();
        var home = await browser.App.GetAsync("/");

        var endSession = Assert.IsType<Uri>(loggedOut.Response.Headers.Location);
        Assert.Equal(sso.Provider.Port, endSession.Port);
        Assert.Equal("/session/end", endSession.AbsolutePath);
        Assert.Contains("id_token_hint=", endSession.Query);
        Assert.Contains("post_logout_redirect_uri=", endSession.Query);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    private async Task<ChatDbContext> DbAsync() =>
        await sso.App.Services.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContextAsync(Ct);

    private async Task<int> CountAccountsAsync(string email)
    {
        await using var db = await DbAsync();
        var normalized = email.ToUpperInvariant();
        return await db.Users.CountAsync(u => u.NormalizedEmail == normalized, Ct);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
