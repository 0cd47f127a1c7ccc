using ChatWeb.Domain.Administration;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Xunit;

namespace ChatWeb.BrowserTests.Infrastructure;

/// <summary>
/// Base of every scenario class: makes people and their devices on the shared app and browser,
/// closes them afterwards, and on a failure keeps a screenshot of every open page.
/// </summary>
public abstract class BrowserScenario : IAsyncDisposable
{
    private readonly List<Device> devices = [];
    private readonly BrowserHost host;
    private readonly Uri baseUrl;
    private readonly Func<string> appOutput;
    private readonly ChatWebServer? server;

    protected BrowserScenario(ChatWebServer server, BrowserHost host)
        : this(host, server.BaseUrl, () => server.Output)
    {
        this.server = server;
    }

    /// <summary>For scenarios against another deployment of the app than the shared server (the production shape).</summary>
    protected BrowserScenario(BrowserHost host, Uri baseUrl, Func<string> appOutput)
    {
        this.host = host;
        this.baseUrl = baseUrl;
        this.appOutput = appOutput;
    }

    protected ChatWebServer Server => server ?? throw new InvalidOperationException("This scenario does not run against the shared server.");

    /// <summary>A new person with an account, on the chat page in a browser of their own.</summary>
    protected async Task<Device> SignUpAsync(string displayName, ViewportSize? viewport = null)
    {
        var device = await OpenDeviceAsync(Person.Create(displayName), viewport);
        await device.SignUpAsync();
        return device;
    }

    /// <summary>A new person registers through the registration page, as a person would.</summary>
    protected async Task<Device> RegisterAsync(string displayName, ViewportSize? viewport = null)
    {
        var device = await OpenDeviceAsync(Person.Create(displayName), viewport);
        await device.RegisterAsync();
        return device;
    }

    /// <summary>Another browser of someone who already has an account, signed in on the chat page.</summary>
    protected async Task<Device> SecondDeviceAsync(Person person, ViewportSize? viewport = null)
    {
        var device = await OpenDeviceAsync(person, viewport);
        await device.SignInAsync();
        return device;
    }

    /// <summary>As the Admin:Emails setting would, straight in the app's file (the role is read from there on every check).</summary>
    protected async Task MakeAdminAsync(Person person)
    {
        await using var connection = new SqliteConnection(Server.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO AspNetUserRoles (UserId, RoleId) SELECT Id, $role FROM AspNetUsers WHERE NormalizedEmail = $email";
        command.Parameters.AddWithValue("$role", AdminRole.Id);
        command.Parameters.AddWithValue("$email", person.Email.ToUpperInvariant());
        Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }

    protected async Task<Device> OpenDeviceAsync(Person person, ViewportSize? viewport = null)
    {
        var device = await Device.OpenAsync(host, baseUrl, person, viewport);
        devices.Add(device);
        return device;
    }

    public async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            await KeepEvidenceAsync();
        }
        foreach (var device in devices)
        {
            await device.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    private async Task KeepEvidenceAsync()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "failures");
        Directory.CreateDirectory(folder);
        var test = TestContext.Current.Test?.TestDisplayName ?? "test";
        var safe = string.Concat(test.Select(c => char.IsLetterOrDigit(c) ? c : '_'));
        for (var i = 0; i < devices.Count; i++)
        {
            var page = devices[i].Page;
            if (!page.IsClosed)
            {
                var path = Path.Combine(folder, $"{safe}-{i}-{devices[i].Person.Handle}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
                TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {path}");
            }
        }
        TestContext.Current.TestOutputHelper?.WriteLine("App output (last lines):" + Environment.NewLine + appOutput());
    }
}
