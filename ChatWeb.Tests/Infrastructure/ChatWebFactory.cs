using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChatWeb.Domain.Data;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ChatWeb.Tests.Infrastructure;

/// <summary>
/// The real app on a fresh SQLite file of its own, deleted when the factory is disposed.
/// Use it as a class fixture (<c>IClassFixture&lt;ChatWebFactory&gt;</c>): one app and one database per test class.
/// Not sealed: a test class that needs other settings derives and overrides <see cref="ConfigureSettings"/>.
/// </summary>
public class ChatWebFactory : WebApplicationFactory<Program>
{
    private readonly TempDatabaseFile database = new();
    private readonly string attachmentsFolder = Path.Combine(Path.GetTempPath(), "chatweb-tests", $"files-{Guid.NewGuid():N}");

    public string DatabasePath => database.Path;

    /// <summary>What the app logged, after its own level rules.</summary>
    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: Program reads the database settings before Build().
        builder.UseSetting($"{DatabaseOptions.SectionName}:Provider", DatabaseProviders.Sqlite);
        builder.UseSetting($"ConnectionStrings:{DatabaseRegistration.ConnectionStringName}", database.ConnectionString);
        builder.UseSetting("Attachments:Path", attachmentsFolder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        ConfigureSettings(builder);
    }

    /// <summary>Extra <c>builder.UseSetting(...)</c> calls for a derived factory.</summary>
    protected virtual void ConfigureSettings(IWebHostBuilder builder)
    {
    }

    /// <summary>A client that keeps cookies and shows redirects instead of following them, like a browser under a microscope.</summary>
    public HttpClient CreateCookieClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A cookie client that can read pages and submit their forms (antiforgery token included).</summary>
    public BrowserSession CreateBrowser() => new(CreateCookieClient());

    /// <summary>Registers through the token API (<c>POST /api/auth/register</c>) and returns the new person's email.</summary>
    public async Task<string> RegisterUserAsync(string? email = null, string password = TestUsers.Password)
    {
        email ??= TestUsers.UniqueEmail();
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/register", new { email, password }, TestContext.Current.CancellationToken);
        await EnsureSuccessAsync(response, "register");
        return email;
    }

    /// <summary>Logs in through the token API (<c>POST /api/auth/login</c>) and returns both tokens.</summary>
    public async Task<AccessTokenResponse> LoginWithTokenAsync(string email, string password = TestUsers.Password)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password }, TestContext.Current.CancellationToken);
        await EnsureSuccessAsync(response, "log in");
        return await response.Content.ReadFromJsonAsync<AccessTokenResponse>(TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException("The login answered without a token.");
    }

    /// <summary>A bearer access token for the person, e.g. for a SignalR <c>AccessTokenProvider</c>.</summary>
    public async Task<string> GetBearerTokenAsync(string email, string password = TestUsers.Password) =>
        (await LoginWithTokenAsync(email, password)).AccessToken;

    /// <summary>A client that sends the person's bearer token with every request.</summary>
    public async Task<HttpClient> CreateBearerClientAsync(string email, string password = TestUsers.Password)
    {
        var token = await GetBearerTokenAsync(email, password);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        database.Dispose();
        if (Directory.Exists(attachmentsFolder))
        {
            Directory.Delete(attachmentsFolder, recursive: true);
        }
        GC.SuppressFinalize(this);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string action)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            throw new InvalidOperationException($"Could not {action}: {(int)response.StatusCode} {body}");
        }
    }
}
