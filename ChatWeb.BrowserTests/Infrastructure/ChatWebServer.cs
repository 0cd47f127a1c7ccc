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
    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly int? chosenPort;
    private ChatWebProcess? app;

    public ChatWebServer()
        : this(new Dictionary<string, string>(), port: null)
    {
    }

    /// <summary>Another app for the scenarios that need other settings (environment variable names: "Section__Key").</summary>
    /// <param name="port">A port picked beforehand, when something else (an OpenID Provider) must know it first.</param>
    internal ChatWebServer(IReadOnlyDictionary<string, string> settings, int? port)
    {
        this.settings = settings;
        chosenPort = port;
    }

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
        var port = chosenPort ?? FreePort.Pick();
        BaseUrl = new Uri($"http://localhost:{port}/");
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Chat"] = ConnectionString,
            ["Database__Provider"] = "Sqlite",
            ["Attachments__Path"] = Path.Combine(databaseFolder, "attachments"),
        };
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }
        app = await ChatWebProcess.StartAsync(port, environment);
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
