using System.Net;
using ChatWeb.Tests.Infrastructure;
using ChatWeb.Tests.Integration.ScaleOut;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace ChatWeb.Tests.Integration;

/// <summary>
/// Sign-in keys survive restarts and are shared by nodes: in the database by default (so restarting
/// Redis, which holds only live state, signs no one out), in DataProtection:KeysPath when set.
/// </summary>
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
    public async Task SignedIn_RedisRestartedBetweenStarts_CookieAndTokenStillAccepted()
    {
        using var database = new TempDatabaseFile();
        string cookie;
        string token;
        await using (var redis = new RedisServer())
        {
            await redis.InitializeAsync();
            redis.SkipIfUnavailable();
            await using var before = new SharedDatabaseFactory(database.ConnectionString, redis.Configuration);
            cookie = await SignInAndGetCookieAsync(before);
            token = await before.GetBearerTokenAsync(await before.RegisterUserAsync());
        }
        await using var restartedRedis = new RedisServer();
        await restartedRedis.InitializeAsync();

        await using var after = new SharedDatabaseFactory(database.ConnectionString, restartedRedis.Configuration);
        var page = await GetManagePageAsync(after, cookie);
        using var api = after.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var info = await api.GetAsync("/api/auth/manage/info", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page);
        Assert.Equal(HttpStatusCode.OK, info.StatusCode);
    }

    [Fact]
    public void Start_RelativeCertificatePath_FailsWithClearMessage()
    {
        using var factory = new CertificateFactory("keys.pfx", "");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("DataProtection:CertificatePath must be an absolute file path", error.ToString());
    }

    [Fact]
    public void Start_WrongCertificatePassword_FailsWithClearMessage()
    {
        var certificate = TestCertificate.WritePfx(Path.Combine(Directory.CreateDirectory(keysPath).FullName, "keys.pfx"));
        using var factory = new CertificateFactory(certificate, "not the password");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("check DataProtection:CertificatePassword", error.ToString());
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

    /// <summary>The app on a database (and Redis) that outlives it, as a restarted node sees them.</summary>
    private sealed class SharedDatabaseFactory(string connectionString, string redis) : ChatWebFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:Chat", connectionString);
            builder.UseSetting("Redis:Configuration", redis);
        }
    }

    private sealed class CertificateFactory(string path, string password) : ChatWebFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            builder.UseSetting("DataProtection:CertificatePath", path);
            builder.UseSetting("DataProtection:CertificatePassword", password);
        }
    }

    private sealed class KeysFolderFactory(string keysPath) : ChatWebFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder) =>
            builder.UseSetting("DataProtection:KeysPath", keysPath);
    }
}
