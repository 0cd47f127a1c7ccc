using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ChatWeb.Tests.Infrastructure.Oidc;

/// <summary>
/// A real OpenID Provider (the certified oidc-provider package, tools/oidc-test-provider) on a free
/// loopback port, with its own login and consent pages. Its standard input is this process's pipe:
/// it exits when the fixture stops it or when this process dies. test.sh installs Node.js and the
/// package; without them the tests that need it fail with a message saying so.
/// </summary>
public sealed class OidcTestProvider : IAsyncDisposable
{
    public const string ClientId = "chatweb";
    public const string ClientSecret = "chatweb-test-secret";

    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly string clientsFile;
    private readonly StringBuilder output = new();

    private OidcTestProvider(Process process, string clientsFile, int port)
    {
        this.process = process;
        this.clientsFile = clientsFile;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The issuer, as the provider names itself and relying parties configure it.</summary>
    public string Authority => $"http://localhost:{Port}";

    /// <summary>The provider's own discovery document served under another issuer: a relying party pointed here must refuse its tokens.</summary>
    public string WrongIssuerAuthority => $"{Authority}/wrong-issuer";

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <param name="appBaseUrls">Where the relying party (ChatWeb) runs, e.g. http://localhost/ for the in-memory test server.</param>
    public static async Task<OidcTestProvider> StartAsync(params Uri[] appBaseUrls)
    {
        var folder = Path.Combine(RepositoryRoot(), "tools", "oidc-test-provider");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "oidc-provider")))
        {
            throw new InvalidOperationException($"oidc-provider is not installed in {folder}: run ./test.sh (it runs npm ci there).");
        }
        var port = FreePort();
        var clientsFile = Path.Combine(Path.GetTempPath(), $"chatweb-oidc-clients-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(clientsFile, JsonSerializer.Serialize(new[]
        {
            new
            {
                client_id = ClientId,
                client_secret = ClientSecret,
                redirect_uris = appBaseUrls.Select(u => new Uri(u, "signin-oidc").AbsoluteUri).ToArray(),
                post_logout_redirect_uris = appBaseUrls.Select(u => new Uri(u, "signout-callback-oidc").AbsoluteUri).ToArray(),
            },
        }));
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("server.mjs");
        start.ArgumentList.Add(port.ToString());
        start.ArgumentList.Add(clientsFile);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("Node.js is not installed (./test.sh installs it).", ex);
        }
        var provider = new OidcTestProvider(process, clientsFile, port);
        process.OutputDataReceived += (_, e) => provider.Append(e.Data);
        process.ErrorDataReceived += (_, e) => provider.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await provider.WaitUntilReadyAsync();
        return provider;
    }

    /// <summary>A person in the provider's directory; whoever types <paramref name="id"/> on its login page signs in as them.</summary>
    public async Task AddAccountAsync(string id, string? email, bool? emailVerified, string? name)
    {
        using var client = new HttpClient();
        using var response = await client.PostAsJsonAsync($"http://127.0.0.1:{Port}/test/accounts",
            new Dictionary<string, object?> { ["id"] = id, ["email"] = email, ["email_verified"] = emailVerified, ["name"] = name }
                .Where(p => p.Value is not null).ToDictionary());
        response.EnsureSuccessStatusCode();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartPatience;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The OpenID Provider exited with code {process.ExitCode}:{Environment.NewLine}{Output}");
            }
            try
            {
                using var response = await client.GetAsync($"http://127.0.0.1:{Port}/.well-known/openid-configuration");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Still starting.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The OpenID Provider did not answer within {StartPatience}:{Environment.NewLine}{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        File.Delete(clientsFile);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatWeb.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No ChatWeb.sln above {AppContext.BaseDirectory}.");
    }
}
