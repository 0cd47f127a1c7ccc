using System.Net;
using ChatWeb.Tests.Infrastructure;
using ChatWeb.Tests.Integration.ScaleOut;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatWeb.Tests.Integration;

/// <summary>Authentication:IdleTimeout: a sign-in lapses when unused and lives on while used.</summary>
public sealed class IdleTimeoutTests : IAsyncLifetime
{
    private readonly ManualClock clock = new(DateTimeOffset.UtcNow);
    private IdleFactory app = null!;

    public ValueTask InitializeAsync()
    {
        app = new IdleFactory(clock);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Page_SignedIn_TellsTheBrowserTheTimeout()
    {
        using var browser = await SignedInBrowserAsync();

        var page = await browser.GetAsync("/Account/Manage");

        Assert.Equal("900", page.Document.QuerySelector("#idle-signout")?.GetAttribute("data-idle-seconds"));
    }

    [Fact]
    public async Task SignIn_UnusedLongerThanTheTimeout_Lapses()
    {
        using var browser = await SignedInBrowserAsync();

        clock.Advance(TimeSpan.FromMinutes(16));
        var page = await browser.GetAsync("/Account/Manage");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.RedirectTarget);
    }

    [Fact]
    public async Task SignIn_KeptAliveByUse_OutlivesTheTimeout()
    {
        using var browser = await SignedInBrowserAsync();

        clock.Advance(TimeSpan.FromMinutes(10));
        using var keepAlive = await browser.Client.PostAsync("/Account/KeepAlive", null, TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromMinutes(10));
        var page = await browser.GetAsync("/Account/Manage");

        Assert.Equal(HttpStatusCode.NoContent, keepAlive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    private async Task<BrowserSession> SignedInBrowserAsync()
    {
        var email = await app.RegisterUserAsync();
        var browser = app.CreateBrowser();
        await browser.LoginAsync(email);
        return browser;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private sealed class IdleFactory(TimeProvider clock) : ChatWebFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            builder.UseSetting("Authentication:IdleTimeout", "00:15:00");
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }
}
