using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;
using Xunit;

namespace ChatWeb.Tests.Integration.ScaleOut;

/// <summary>
/// A real redis-server on a free loopback port, with no persistence, stopped when the fixture goes
/// (or stopped and started again by a test, to see what an outage does).
/// The test script installs redis-server; without it the scale-out tests are skipped, not faked.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? process;
    private string? executable;
    private int port;

    public string Configuration { get; private set; } = "";

    public bool IsAvailable => executable is not null;

    public bool IsRunning => process is { HasExited: false };

    public async ValueTask InitializeAsync()
    {
        executable = FindOnPath("redis-server");
        if (executable is null)
        {
            return;
        }
        port = FreePort();
        Configuration = $"127.0.0.1:{port}";
        await StartAsync();
    }

    /// <summary>Kills the server, as a crash or an operator would stop it; what it held is gone.</summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Starts the server (again) on the same port, empty, and waits until it answers.</summary>
    public async Task StartAsync()
    {
        process?.Dispose();
        // Under coreutils' timeout where it exists: a test host that dies without disposing its
        // fixtures still cannot leave the server running for long.
        var useTimeout = File.Exists("/usr/bin/timeout");
        var arguments = $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no";
        process = Process.Start(new ProcessStartInfo(useTimeout ? "/usr/bin/timeout" : executable!, useTimeout ? $"--kill-after=10s 1800s {executable} {arguments}" : arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start.");
        // Drained, so a chatty server never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync(Configuration);
                await probe.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    public void SkipIfUnavailable() => Assert.SkipUnless(IsAvailable, "redis-server is not installed (./test.sh installs it).");

    public ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        process?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, name))
        .FirstOrDefault(File.Exists);
}
