using Microsoft.Data.Sqlite;
using Xunit;

namespace ChatWeb.BrowserTests.Infrastructure;

/// <summary>
/// The real app, started from its build output as a child process on a free loopback port with a
/// fresh SQLite file, shared by every scenario of the run (people are new in each test, so they never meet).
/// </summary>
public sealed class ChatWebServer : IAsyncLifetime
{
    private readonly string databaseFolder = Path.Combine(Path.GetTempPath(), "chatweb-browser-tests", Guid.NewGuid().ToString("N"));
    private ChatWebProcess? app;

    /// <summary>
    /// What the browser opens: "localhost", the name people use for their own machine (cookies are
    /// kept per host name). The server itself listens on 127.0.0.1 only.
    /// </summary>
    public Uri BaseUrl { get; private set; } = null!;

    public string DatabasePath => Path.Combine(databaseFolder, "chat.db");

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = DatabasePath }.ToString();

    /// <summary>The app's console output so far, for failure messages.</summary>
    public string Output => app?.Output ?? "";

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(databaseFolder);
        var port = FreePort.Pick();
        BaseUrl = new Uri($"http://localhost:{port}/");
        app = await ChatWebProcess.StartAsync(port, new Dictionary<string, string>
        {
            ["ConnectionStrings__Chat"] = ConnectionString,
            ["Database__Provider"] = "Sqlite",
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(databaseFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless; failing the run over it is not.
        }
    }
}
