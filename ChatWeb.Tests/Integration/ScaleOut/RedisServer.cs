using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;
using Xunit;

namespace ChatWeb.Tests.Integration.ScaleOut;

/// <summary>
/// A real redis-server on a free loopback port, with no persistence, stopped when the fixture goes.
/// The test script installs redis-server; without it the scale-out tests are skipped, not faked.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? process;

    public string Configuration { get; private set; } = "";

    public bool IsAvailable => process is not null;

    public async ValueTask InitializeAsync()
    {
        var executable = FindOnPath("redis-server");
        if (executable is null)
        {
            return;
        }
        var port = FreePort();
        process = Process.Start(new ProcessStartInfo(executable, $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start.");
        Configuration = $"127.0.0.1:{port}";

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
