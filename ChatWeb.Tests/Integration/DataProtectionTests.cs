using System.Net;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace ChatWeb.Tests.Integration;

/// <summary>With DataProtection:KeysPath set, a sign-in survives a restart and works on another node.</summary>
public sealed class DataProtectionTests : IDisposable
{
    private readonly string keysPath = Path.Combine(Path.GetTempPath(), "chatweb-tests", $"keys-{Guid.NewGuid():N}");
    private readonly string otherKeysPath = Path.Combine(Path.GetTempPath(), "chatweb-tests", $"keys-{Guid.NewGuid():N}");

    [Fact]
    public async Task SignInCookie_SecondInstanceWithSameKeysFolder_IsAccepted()
    {
        await using var first = new KeysFolderFactory(keysPath);
        var cookie = await SignInAndGetCookieAsync(first);
        await using var second = first.WithWebHostBuilder(_ => { });

        var response = await GetManagePageAsync(second, cookie);

        Assert.NotEmpty(Directory.GetFiles(keysPath, "key-*.xml"));
        Assert.Equal(HttpStatusCode.OK, response);
    }

    [Fact]
    public async Task SignInCookie_InstanceWithOtherKeysFolder_IsTreatedAsAnonymous()
    {
        await using var first = new KeysFolderFactory(keysPath);
        var cookie = await SignInAndGetCookieAsync(first);
        await using var stranger = first.WithWebHostBuilder(b => b.UseSetting("DataProtection:KeysPath", otherKeysPath));

        var response = await GetManagePageAsync(stranger, cookie);

        Assert.Equal(HttpStatusCode.Redirect, response);
    }

    [Fact]
    public void Start_RelativeKeysPath_FailsWithClearMessage()
    {
        using var factory = new KeysFolderFactory("keys");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("DataProtection:KeysPath must be an absolute folder path", error.ToString());
    }

    public void Dispose()
    {
        foreach (var folder in new[] { keysPath, otherKeysPath })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task<string> SignInAndGetCookieAsync(ChatWebFactory factory)
    {
        using var browser = factory.CreateBrowser();
        var registered = await browser.RegisterAsync("Ann Lee", TestUsers.UniqueEmail());
        return registered.Response.Headers.GetValues("Set-Cookie")
            .Select(header => header.Split(';')[0])
            .Single(pair => pair.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
    }

    private static async Task<HttpStatusCode> GetManagePageAsync(WebApplicationFactory<Program> factory, string cookie)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Manage");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private sealed class KeysFolderFactory(string keysPath) : ChatWebFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder) =>
            builder.UseSetting("DataProtection:KeysPath", keysPath);
    }
}
