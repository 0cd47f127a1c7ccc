using System.Diagnostics;
using System.Net.Sockets;

namespace ChatWeb.BrowserTests.Infrastructure;

/// <summary>
/// Debian's nginx running the repository's own deploy/nginx.conf in front of the given nodes, on
/// a loopback port, as the test's own user in a temporary folder. Of that file only the upstream
/// addresses and the listen port are changed (<see cref="Substitute"/>); everything else a
/// process needs that the container image would give it (a pid file, temp folders, logs, an
/// events block) is in a small wrapper that includes the file, as the image's nginx.conf does.
/// </summary>
public sealed class NginxBalancer : IAsyncDisposable
{
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(20);

    private readonly Process process;
    private readonly string folder;

    private NginxBalancer(Process process, string folder, int port)
    {
        this.process = process;
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ErrorLog => ReadOrEmpty(Path.Combine(folder, "error.log"));

    public static string? Executable() =>
        new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);

    public static async Task<NginxBalancer> StartAsync(int port, IReadOnlyList<int> nodePorts)
    {
        var nginx = Executable() ?? throw new InvalidOperationException("nginx is not installed (./test.sh installs it).");
        var folder = Path.Combine(Path.GetTempPath(), "chatweb-nginx", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var deployed = await File.ReadAllTextAsync(Path.Combine(AppFolder.RepositoryRoot(), "deploy", "nginx.conf"));
        await File.WriteAllTextAsync(Path.Combine(folder, "chatweb.conf"), Substitute(deployed, port, nodePorts));
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), Wrapper(folder));

        var info = new ProcessStartInfo("/usr/bin/timeout") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--kill-after=10s", $"{(int)MaxLifetime.TotalSeconds}s", nginx, "-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-e", Path.Combine(folder, "error.log") })
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("nginx did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var balancer = new NginxBalancer(process, folder, port);
        try
        {
            await balancer.WaitUntilListeningAsync();
            return balancer;
        }
        catch
        {
            await balancer.DisposeAsync();
            throw;
        }
    }

    /// <summary>The deployed file with the nodes' loopback addresses and the balancer's port; each must be there exactly once.</summary>
    public static string Substitute(string deployed, int port, IReadOnlyList<int> nodePorts)
    {
        var text = ReplaceOnce(deployed, "listen 8080;", $"listen 127.0.0.1:{port};");
        for (var i = 0; i < nodePorts.Count; i++)
        {
            text = ReplaceOnce(text, $"server chatweb-{i + 1}:8080;", $"server 127.0.0.1:{nodePorts[i]};");
        }
        return text;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless.
        }
    }

    private static string ReplaceOnce(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(from, at + from.Length, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"deploy/nginx.conf must contain '{from}' exactly once; the test fixture substitutes it.");
        }
        return string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length));
    }

    // One process (no master and workers), so killing it leaves nothing behind; everything it
    // writes goes to the temporary folder, so it needs no root and touches nothing of the system's.
    private static string Wrapper(string folder) => $$"""
        daemon off;
        master_process off;
        pid {{folder}}/nginx.pid;
        error_log {{folder}}/error.log notice;
        events { worker_connections 1024; }
        http {
            access_log {{folder}}/access.log;
            client_body_temp_path {{folder}}/client_body;
            proxy_temp_path {{folder}}/proxy;
            fastcgi_temp_path {{folder}}/fastcgi;
            uwsgi_temp_path {{folder}}/uwsgi;
            scgi_temp_path {{folder}}/scgi;
            include {{folder}}/chatweb.conf;
        }
        """;

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with code {process.ExitCode}:{Environment.NewLine}{ErrorLog}");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
    }
}
