using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace ChatWeb.Tests.Infrastructure;

/// <summary>
/// The published app (<see cref="PublishedApp"/>) as a real process on a free loopback port, on a
/// SQLite file the test names, as production runs it. <see cref="Kill"/> sends SIGKILL, as an
/// orchestrator or the kernel would. The app runs under coreutils' timeout where it exists, so a test
/// host that dies without disposing still cannot leave a server running for long.
/// </summary>
public sealed class ChatWebProcess : IAsyncDisposable
{
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentQueue<string> output = new();
    private readonly Process process;

    private ChatWebProcess(Process process, Uri baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>http://127.0.0.1:PORT/ — the address it listens on.</summary>
    public Uri BaseUrl { get; }

    public bool HasExited => process.HasExited;

    /// <summary>Every line the app wrote to its console so far.</summary>
    public IReadOnlyList<string> OutputLines => [.. output];

    public string Output => string.Join(Environment.NewLine, output);

    /// <summary>Starts the app without waiting for it; see <see cref="WaitUntilHealthyAsync"/>.</summary>
    /// <param name="settings">Configuration as environment variables (<c>Section__Key</c>).</param>
    /// <param name="home">The process's HOME: where the framework would keep anything "in the user profile".</param>
    public static async Task<ChatWebProcess> LaunchAsync(string databasePath, string home, IReadOnlyDictionary<string, string>? settings = null)
    {
        var appFolder = await PublishedApp.FolderAsync();
        var port = FreePort();
        var start = StartInfo(appFolder, port, databasePath, home, settings ?? new Dictionary<string, string>());
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        var app = new ChatWebProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => app.Add(e.Data);
        process.ErrorDataReceived += (_, e) => app.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Starts the app and waits until /healthz answers.</summary>
    public static async Task<ChatWebProcess> StartAsync(string databasePath, string home, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = await LaunchAsync(databasePath, home, settings);
        await app.WaitUntilHealthyAsync(TimeSpan.FromSeconds(180));
        return app;
    }

    public async Task WaitUntilHealthyAsync(TimeSpan patience)
    {
        using var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} while starting:{Environment.NewLine}{Output}");
            }
            try
            {
                using var response = await client.GetAsync("healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer in time.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The app was not healthy within {patience.TotalSeconds:N0} s:{Environment.NewLine}{Output}");
    }

    /// <summary>Waits until the app has written a line containing <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!output.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                throw new TimeoutException($"The app wrote no line with '{text}':{Environment.NewLine}{Output}");
            }
            await Task.Delay(5);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, no goodbye.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }

    private static ProcessStartInfo StartInfo(string appFolder, int port, string databasePath, string home, IReadOnlyDictionary<string, string> settings)
    {
        var dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        var useTimeout = File.Exists("/usr/bin/timeout");
        var info = new ProcessStartInfo(useTimeout ? "/usr/bin/timeout" : dotnet)
        {
            WorkingDirectory = appFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var arguments = useTimeout ? new List<string> { "--kill-after=5s", $"{(int)MaxLifetime.TotalSeconds}s", dotnet } : [];
        arguments.AddRange([Path.Combine(appFolder, "ChatWeb.dll"), "--urls", $"http://127.0.0.1:{port}"]);
        arguments.ForEach(info.ArgumentList.Add);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["HOME"] = home;
        info.Environment["Database__Provider"] = "Sqlite";
        info.Environment["ConnectionStrings__Chat"] = new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString();
        // Plain lines, one per entry, so tests can read levels ("warn:", "fail:") off the console.
        info.Environment["Logging__Console__FormatterName"] = "simple";
        info.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }
        return info;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
