using ChatWeb.Bench.Baseline;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatWeb.Bench.Clients;

/// <summary>
/// The bare relay. A "thread" is a SignalR group that its members joined, so each send reaches
/// every member's connection, the sender's included, exactly as a chat message does.
/// </summary>
internal sealed class RelayTarget(Uri baseUri, IReadOnlyList<string> userNames, Action<BenchPeer, WireMessage> onMessage) : IChatTarget
{
    private int groups;

    public string Name => "Relay";
    public bool AssignsSeq => false;

    public Task<BenchPeer> ConnectAsync(int userIndex, ClientOptions options)
    {
        var name = userNames[userIndex];
        var url = new Uri(baseUri, $"{RelayHub.Path}?user={Uri.EscapeDataString(name)}");
        return PeerConnections.ConnectAsync(userIndex, name, url, accessToken: null, onMessage);
    }

    public Task SettleAsync() => Task.Delay(TimeSpan.FromSeconds(1));

    public Task<string> OpenDirectAsync(BenchPeer from, BenchPeer to) => JoinAsync($"dm:{from.Index}:{to.Index}", [from, to]);

    public Task<string> CreateGroupAsync(BenchPeer owner, IReadOnlyList<BenchPeer> members) =>
        JoinAsync($"group:{Interlocked.Increment(ref groups)}", members);

    public Task<WireMessage> SendAsync(BenchPeer from, string route, string clientMessageId, string body) =>
        from.Connection.InvokeAsync<WireMessage>(
            "Send", route, new WireMessage(Guid.NewGuid(), route, 0, from.UserName, from.UserName, body, DateTime.UtcNow, clientMessageId));

    private static async Task<string> JoinAsync(string group, IEnumerable<BenchPeer> members)
    {
        await Task.WhenAll(members.Distinct().Select(m => m.Connection.InvokeAsync("Join", group)));
        return group;
    }
}
