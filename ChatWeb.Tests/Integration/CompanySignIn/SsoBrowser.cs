using System.Net;
using ChatWeb.Tests.Infrastructure;
using ChatWeb.Tests.Infrastructure.Oidc;
using Xunit;

namespace ChatWeb.Tests.Integration.CompanySignIn;

/// <summary>
/// One person's browser, without JavaScript, going through a sign-in with the company's provider:
/// ChatWeb's pages on the in-memory test server, the provider's own login and consent pages over
/// real HTTP, each with its own cookies. Redirects are followed by hand, so a test can meddle between hops.
/// </summary>
internal sealed class SsoBrowser(ChatWebFactory app, OidcTestProvider provider) : IDisposable
{
    private readonly HttpClient providerClient = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });

    public BrowserSession App { get; } = app.CreateBrowser();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Presses "Sign in with …" on the login page; returns where ChatWeb sends the browser (the provider's authorization endpoint).</summary>
    public async Task<Uri> StartAsync()
    {
        var login = await App.GetAsync("/Account/Login");
        var started = await App.SubmitAsync(login.Form("form.external-login"), new Dictionary<string, string>());
        return started.Response.Headers.Location ?? throw new InvalidOperationException($"The sign-in did not redirect ({started.StatusCode}).");
    }

    /// <summary>Signs in on the provider's pages as <paramref name="accountId"/> and consents; returns the redirect back to ChatWeb.</summary>
    public async Task<Uri> SignInAtProviderAsync(Uri authorizationUrl, string accountId)
    {
        var url = authorizationUrl;
        for (var hop = 0; hop < 20; hop++)
        {
            if (url.Port != provider.Port)
            {
                return url;
            }
            var page = await HtmlPage.LoadAsync(await providerClient.GetAsync(url, Ct), Ct);
            if (page.Response.Headers.Location is { } next)
            {
                url = new Uri(url, next);
                continue;
            }
            var form = page.Document.Forms.FirstOrDefault()
                ?? throw new InvalidOperationException($"The provider showed no form at {url} ({page.StatusCode}): {page.Document.Body?.TextContent}");
            var fields = form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>()
                .Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
                .ToDictionary(i => i.Name!, i => i.Value);
            if (fields.GetValueOrDefault("prompt") == "login")
            {
                fields["login"] = accountId;
                fields["password"] = "any password";
            }
            using var content = new FormUrlEncodedContent(fields);
            var submitted = await providerClient.PostAsync(new Uri(url, form.GetAttribute("action")), content, Ct);
            url = new Uri(url, submitted.Headers.Location ?? throw new InvalidOperationException($"The provider's form did not redirect ({submitted.StatusCode})."));
        }
        throw new InvalidOperationException("Too many redirects at the provider.");
    }

    /// <summary>Follows ChatWeb's redirects from the provider's answer until a page that is not a redirect, or one that leaves ChatWeb.</summary>
    public async Task<HtmlPage> FollowAppAsync(Uri url)
    {
        for (var hop = 0; hop < 10; hop++)
        {
            var page = await App.GetAsync(url.PathAndQuery);
            if (page.Response.Headers.Location is not { } next)
            {
                return page;
            }
            url = new Uri(new Uri("http://localhost/"), next);
            if (url.Port == provider.Port)
            {
                return page;
            }
        }
        throw new InvalidOperationException("Too many redirects in ChatWeb.");
    }

    /// <summary>The whole sign-in: start, the provider's pages, back to ChatWeb; returns the page the browser lands on.</summary>
    public async Task<HtmlPage> SignInAsync(string accountId) =>
        await FollowAppAsync(await SignInAtProviderAsync(await StartAsync(), accountId));

    public void Dispose()
    {
        App.Dispose();
        providerClient.Dispose();
    }
}
