using System.Diagnostics;

namespace ChatWeb.BrowserTests.Infrastructure;

/// <summary>
/// The real app from its build output (<c>dotnet ChatWeb.dll</c>), as a child process on a
/// loopback port with the settings given, its output kept for failure messages.
/// </summary>
public sealed class ChatWebProcess : IAsyncDisposable
{
    // Run under coreutils' timeout where it exists, so a test host that dies without disposing
    // its fixtures still cannot leave a server running for long.
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(180);

    private readonly OutputTail output;
    private readonly Process process;

    private ChatWebProcess(Process process, OutputTail output, int port)
    {
        this.process = process;
        this.output = output;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The node itself, not through any balancer.</summary>
    public Uri DirectUrl => new($"http://127.0.0.1:{Port}/");

    public bool HasExited => process.HasExited;

    /// <summary>The app's console output so far (the last lines), for failure messages.</summary>
    public string Output => output.ToString();

    /// <summary>Every line the app wrote so far that contains <paramref name="text"/>.</summary>
    public int CountOutputLines(string text) => output.Count(text);

    /// <summary>Starts the app and returns once its /healthz answers.</summary>
    public static async Task<ChatWebProcess> StartAsync(int port, IReadOnlyDictionary<string, string> settings, int outputLines = 200)
    {
        var output = new OutputTail(outputLines);
        var process = Process.Start(CreateStartInfo(AppFolder.Locate(), port, settings)) ?? throw new InvalidOperationException("The app did not start.");
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new ChatWebProcess(process, output, port);
        try
        {
            await app.WaitUntilHealthyAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL: no shutdown, no goodbyes, as when the machine under a node dies.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private static ProcessStartInfo CreateStartInfo(string appFolder, int port, IReadOnlyDictionary<string, string> settings)
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
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }
        return info;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var health = new Uri(DirectUrl, "healthz");
        var deadline = DateTime.UtcNow + StartPatience;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
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
