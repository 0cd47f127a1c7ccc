using System.Text.Json;
using System.Text.Json.Serialization;
using ChatWeb.Bench.Baseline;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatWeb.Bench.Clients;

/// <summary>How the bench connects to either server: WebSockets, JSON with enums as names, no reconnect.</summary>
internal static class PeerConnections
{
    /// <summary>Events the bench does not check still arrive and are parsed, as a real client would.</summary>
    private static readonly string[] IgnoredEvents = ["ThreadUpdated", "ThreadRemoved", "PresenceChanged", "Typing"];

    public static async Task<BenchPeer> ConnectAsync(
        int index, string userName, Uri hubUrl, string? accessToken, Action<BenchPeer, WireMessage> onMessage)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hubUrl, HttpTransportType.WebSockets, o =>
            {
                o.SkipNegotiation = true;
                if (accessToken is not null)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
                }
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        // Thousands of handshakes queue behind each other on a two-core server; give them time.
        connection.HandshakeTimeout = TimeSpan.FromSeconds(60);
        var peer = new BenchPeer(index, userName, connection);
        connection.On<WireMessage>("MessageReceived", m => onMessage(peer, m));
        foreach (var name in IgnoredEvents)
        {
            connection.On<JsonElement>(name, _ => { });
        }
        connection.On("ContactsChanged", () => { });
        await connection.StartAsync();
        peer.WatchForDrops();
        return peer;
    }

    /// <summary>Many connections at once, a bounded number in flight so handshakes do not time out.</summary>
    public static async Task<BenchPeer[]> ConnectManyAsync(IReadOnlyList<int> indexes, Func<int, Task<BenchPeer>> connect, int parallelism = 32)
    {
        var peers = new BenchPeer[indexes.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, indexes.Count), new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            async (i, _) => peers[i] = await connect(indexes[i]));
        return peers;
    }

    public static async Task DisposeAllAsync(IEnumerable<BenchPeer> peers)
    {
        await Parallel.ForEachAsync(peers, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (p, _) => await p.DisposeAsync());
    }
}
