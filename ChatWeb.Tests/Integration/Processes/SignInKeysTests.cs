using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Xunit;

namespace ChatWeb.Tests.Integration.Processes;

/// <summary>
/// The keys that sign cookies and tokens live in the database, so a server re-created from scratch
/// (a new container: a new HOME, nothing kept but the database) still accepts yesterday's sign-ins.
/// </summary>
public sealed class SignInKeysTests : IDisposable
{
    private readonly ScratchFolder folder = new();

    [Fact]
    public async Task SignedIn_ServerRecreatedOnTheSameDatabase_CookieAndTokenStillAccepted()
    {
        var database = folder.Combine("chat.db");
        string cookie;
        string token;
        await using (var before = await ChatWebProcess.StartAsync(database, folder.Combine("home-1", folder: true)))
        {
            (cookie, token) = await SignInAsync(before.BaseUrl);
            await before.KillAsync();
        }

        await using var after = await ChatWebProcess.StartAsync(database, folder.Combine("home-2", folder: true));
        var (cookieStatus, tokenStatus) = await CheckSignedInAsync(after.BaseUrl, cookie, token);

        Assert.Equal(HttpStatusCode.OK, cookieStatus);
        Assert.Equal(HttpStatusCode.OK, tokenStatus);
    }

    public void Dispose() => folder.Dispose();

    /// <summary>A browser's sign-in cookie (through the registration page) and a script's bearer token.</summary>
    internal static async Task<(string Cookie, string Token)> SignInAsync(Uri server)
    {
        var ct = TestContext.Current.CancellationToken;
        var email = TestUsers.UniqueEmail();
        using var browser = new BrowserSession(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server });
        var registered = await browser.RegisterAsync("Ann Lee", email);
        var cookie = registered.Response.Headers.GetValues("Set-Cookie").Select(h => h.Split(';')[0])
            .Single(pair => pair.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));

        using var api = new HttpClient { BaseAddress = server };
        using var login = await api.PostAsJsonAsync("api/auth/login", new { email, password = TestUsers.Password }, ct);
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<AccessTokenResponse>(ct))!.AccessToken;
        return (cookie, token);
    }

    internal static async Task<(HttpStatusCode Cookie, HttpStatusCode Token)> CheckSignedInAsync(Uri server, string cookie, string token)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server };
        using var page = new HttpRequestMessage(HttpMethod.Get, "Account/Manage");
        page.Headers.Add("Cookie", cookie);
        using var pageResponse = await client.SendAsync(page, ct);
        using var info = new HttpRequestMessage(HttpMethod.Get, "api/auth/manage/info");
        info.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var infoResponse = await client.SendAsync(info, ct);
        return (pageResponse.StatusCode, infoResponse.StatusCode);
    }
}
