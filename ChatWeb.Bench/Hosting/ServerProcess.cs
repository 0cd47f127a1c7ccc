using System.Diagnostics;

namespace ChatWeb.Bench.Hosting;

/// <summary>
/// A server in its own process on a loopback port: the bench never shares a runtime, a GC or a
/// thread pool with what it measures. Output goes to a log file; the process is killed on dispose.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    private ServerProcess(string name, Process process, StreamWriter log, Uri baseUri)
    {
        Name = name;
        this.process = process;
        this.log = log;
        BaseUri = baseUri;
    }

    public string Name { get; }
    public Uri BaseUri { get; }
    public int Pid => process.Id;

    public static async Task<ServerProcess> StartAsync(
        string name, string dll, IEnumerable<string> extraArgs, IReadOnlyDictionary<string, string> environment, string logPath)
    {
        var port = FreePort.Next();
        var baseUri = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in extraArgs)
        {
            start.ArgumentList.Add(arg);
        }
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUri.ToString().TrimEnd('/'));
        // Both servers get the same host settings: production environment, warnings-only logging.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}.");
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ServerProcess(name, process, log, baseUri);
        await server.WaitUntilReadyAsync(logPath);
        return server;
    }

    /// <summary>Resident set size: the server's working set as the OS sees it.</summary>
    public long WorkingSetBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
            }
        }
        throw new InvalidOperationException("VmRSS not found.");
    }

    public bool HasExited => process.HasExited;

    /// <summary>User plus system CPU the server has used: a cost per message that other load on the machine does not inflate.</summary>
    public TimeSpan CpuTime()
    {
        // Fields after the command name (which may hold spaces) in /proc/PID/stat; utime and stime are 14th and 15th.
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        const double ticksPerSecond = 100; // USER_HZ on Linux
        return TimeSpan.FromSeconds((long.Parse(fields[11]) + long.Parse(fields[12])) / ticksPerSecond);
    }

    // Output can still arrive while the process is being killed; a closed log just drops it.
    private static void Append(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            if (log.BaseStream.CanWrite)
            {
                log.WriteLine(line);
            }
        }
    }

    private async Task WaitUntilReadyAsync(string logPath)
    {
        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode}; see {logPath}.");
            }
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} did not become healthy within 90 s; see {logPath}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        lock (log)
        {
            log.Dispose();
        }
    }
}
