using System.Net;
using ChatWeb.Tests.Integration.ScaleOut;
using Xunit;

namespace ChatWeb.BrowserTests.Infrastructure;

/// <summary>
/// The production shape on loopback, as docker-compose.yml runs it: nginx with deploy/nginx.conf in
/// front of two ChatWeb nodes (real processes from the build output) on one SQLite file, sharing a
/// real redis-server, with the demo company seeded. Every process stops with the fixture, even when
/// a test fails, and each runs under a time limit in case the test host itself dies.
/// </summary>
public sealed class ProductionShape : IAsyncLifetime
{
    public const string AffinityCookie = "chatweb_affinity";
    public const string NodeHeader = "X-ChatWeb-Node";

    /// <summary>Shorter than the default 15 s so a dead node's people go offline sooner in a test; still three beats of slack.</summary>
    public static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(6);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "chatweb-shape", Guid.NewGuid().ToString("N"));
    private readonly int[] nodePorts = [FreePort.Pick(), FreePort.Pick()];
    private readonly ChatWebProcess?[] nodes = new ChatWebProcess?[2];
    private NginxBalancer? balancer;

    public RedisServer Redis { get; } = new();

    /// <summary>What the browsers open: the balancer, by the name "localhost".</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public static string NodeName(int node) => $"node-{node + 1}";

    public ChatWebProcess Node(int node) => nodes[node] ?? throw new InvalidOperationException($"{NodeName(node)} is not running.");

    /// <summary>The nodes' last lines and nginx's error log, for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, nodes.Select((n, i) => $"--- {NodeName(i)} ---{Environment.NewLine}{n?.Output}"))
        + $"{Environment.NewLine}--- nginx ---{Environment.NewLine}{balancer?.ErrorLog}";

    public async ValueTask InitializeAsync()
    {
        if (NginxBalancer.Executable() is null)
        {
            throw new InvalidOperationException("nginx is not installed (./test.sh installs it: apt-get install nginx).");
        }
        await Redis.InitializeAsync();
        if (!Redis.IsAvailable)
        {
            throw new InvalidOperationException("redis-server is not installed (./test.sh installs it).");
        }
        Directory.CreateDirectory(folder);
        try
        {
            // Both at once, as compose starts them: they migrate and offer to seed the same new file together.
            await Task.WhenAll(StartNodeAsync(0), StartNodeAsync(1));
            var port = FreePort.Pick();
            balancer = await NginxBalancer.StartAsync(port, nodePorts);
            BaseUrl = new Uri($"http://localhost:{port}/");
        }
        catch
        {
            // Whatever did start must not outlive a fixture that failed to start.
            await DisposeAsync();
            throw;
        }
    }

    public Task KillNodeAsync(int node) => Node(node).KillAsync();

    /// <summary>Brings back whatever a test took down (a node, Redis), so the next test starts from the whole shape.</summary>
    public async Task RestoreAsync()
    {
        for (var node = 0; node < nodes.Length; node++)
        {
            if (nodes[node] is { HasExited: true } dead)
            {
                await dead.DisposeAsync();
                nodes[node] = null;
                await StartNodeAsync(node);
            }
        }
        if (!Redis.IsRunning)
        {
            await Redis.StartAsync();
        }
    }

    /// <summary>
    /// A value of the balancer's affinity cookie that it sends to <paramref name="node"/>: found
    /// by asking it, since the hash is nginx's own. A browser given this cookie before its first
    /// request lives on that node, as a browser that got the same value from nginx would.
    /// </summary>
    public async Task<string> AffinityKeyForAsync(int node)
    {
        using var handler = new HttpClientHandler { UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        for (var i = 0; DateTime.UtcNow < deadline; i++)
        {
            var key = $"shape-test-{i}";
            using var request = new HttpRequestMessage(HttpMethod.Get, "healthz");
            request.Headers.Add("Cookie", $"{AffinityCookie}={key}");
            using var response = await http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.OK && response.Headers.TryGetValues(NodeHeader, out var names) && names.Single() == NodeName(node))
            {
                return key;
            }
            if (i % 50 == 49)
            {
                // The node may have just come back, and nginx waits a few seconds before trying it again.
                await Task.Delay(1000);
            }
        }
        throw new TimeoutException($"The balancer sent no affinity key to {NodeName(node)} within a minute.{Environment.NewLine}{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (balancer is not null)
        {
            await balancer.DisposeAsync();
        }
        foreach (var node in nodes)
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }
        await Redis.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless.
        }
    }

    private async Task StartNodeAsync(int node)
    {
        nodes[node] = await ChatWebProcess.StartAsync(nodePorts[node], new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__Chat"] = $"Data Source={Path.Combine(folder, "chat.db")}",
            ["Redis__Configuration"] = Redis.Configuration,
            ["Node__Name"] = NodeName(node),
            ["Presence__NodeTimeout"] = NodeTimeout.ToString("c"),
            ["Demo__Seed"] = "true",
            // The balancer is on this machine: the nodes may believe its X-Forwarded-For.
            ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
        }, outputLines: 5_000);
    }
}
