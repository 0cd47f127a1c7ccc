using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ChatWeb.BrowserTests.Infrastructure;

/// <summary>
/// The real app, started from its build output as a child process on a free loopback port with a
/// fresh SQLite file, shared by every scenario of the run (people are new in each test, so they never meet).
/// </summary>
public sealed class ChatWebServer : IAsyncLifetime
{
    // The app is run under coreutils' timeout where it exists, so a test host that dies
    // without disposing fixtures still cannot leave a server running for long.
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(180);

    private readonly OutputTail output = new();
    private readonly string databaseFolder = Path.Combine(Path.GetTempPath(), "chatweb-browser-tests", Guid.NewGuid().ToString("N"));
    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly int? chosenPort;
    private Process? process;

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
    public string Output => output.ToString();

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(databaseFolder);
        var appFolder = AppFolder.Locate();
        var port = chosenPort ?? FreePort.Pick();
        BaseUrl = new Uri($"http://localhost:{port}/");

        process = Process.Start(CreateStartInfo(appFolder, port)) ?? throw new InvalidOperationException("The app did not start.");
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await WaitUntilHealthyAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process?.Dispose();
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

    private ProcessStartInfo CreateStartInfo(string appFolder, int port)
    {
        var dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        var appArguments = new[] { Path.Combine(appFolder, "ChatWeb.dll"), "--urls", $"http://127.0.0.1:{port}" };
        var useTimeout = File.Exists("/usr/bin/timeout");
        var info = new ProcessStartInfo(useTimeout ? "/usr/bin/timeout" : dotnet)
        {
            WorkingDirectory = appFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (useTimeout)
        {
            foreach (var argument in new[] { "--kill-after=10s", $"{(int)MaxLifetime.TotalSeconds}s", dotnet })
            {
                info.ArgumentList.Add(argument);
            }
        }
        foreach (var argument in appArguments)
        {
            info.ArgumentList.Add(argument);
        }
        // Development: static web assets resolve from the build output, as under "dotnet run".
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["ConnectionStrings__Chat"] = ConnectionString;
        info.Environment["Database__Provider"] = "Sqlite";
        foreach (var (name, value) in settings)
        {
            info.Environment[name] = value;
        }
        return info;
    }

    private async Task WaitUntilHealthyAsync(Uri health)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartPatience;
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} while starting:{Environment.NewLine}{Output}");
            }
            try
            {
                using var response = await client.GetAsync(health);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer in time: ask again.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The app was not healthy within {StartPatience}:{Environment.NewLine}{Output}");
    }
}
