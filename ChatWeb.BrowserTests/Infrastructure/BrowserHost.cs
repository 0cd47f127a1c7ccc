using Microsoft.Playwright;
using Xunit;

namespace ChatWeb.BrowserTests.Infrastructure;

/// <summary>
/// One headless Chromium for the run (the system's, never a downloaded build); every person and
/// every device gets a browser context of its own, so cookies and storage never leak between them.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath} (apt-get install -y chromium).");
        }
        // Generous, because a busy two-core machine can take many seconds for one step; but finite,
        // so a scenario that hangs fails with a message instead of stalling the run.
        Assertions.SetDefaultExpectTimeout((float)Timeouts.Step.TotalMilliseconds);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        playwright?.Dispose();
    }
}
