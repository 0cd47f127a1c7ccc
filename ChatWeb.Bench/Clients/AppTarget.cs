using ChatWeb.Bench.Baseline;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatWeb.Bench.Clients;

/// <summary>The real chat server: bearer-token connections to /hubs/chat and its public hub methods.</summary>
internal sealed class AppTarget(Uri baseUri, IReadOnlyList<string> userNames, IReadOnlyList<string> tokens, Action<BenchPeer, WireMessage> onMessage)
    : IChatTarget
{
    /// <summary>The part of a ThreadSummary the bench needs.</summary>
    private sealed record ThreadRef(string Id, long LastSeq);

    private readonly Uri hubUrl = new(baseUri, "/hubs/chat");

    public string Name => "ChatWeb";
    public bool AssignsSeq => true;

    public Task<BenchPeer> ConnectAsync(int userIndex) =>
        PeerConnections.ConnectAsync(userIndex, userNames[userIndex], hubUrl, tokens[userIndex], onMessage);

    public async Task<string> OpenDirectAsync(BenchPeer from, BenchPeer to)
    {
        var thread = await from.Connection.InvokeAsync<ThreadRef>("OpenDirect", to.UserName);
        return thread.Id;
    }

    public async Task<string> CreateGroupAsync(BenchPeer owner, IReadOnlyList<BenchPeer> members)
    {
        var others = members.Where(m => m != owner).Select(m => m.UserName).ToList();
        var thread = await owner.Connection.InvokeAsync<ThreadRef>("CreateGroup", "Bench fan-out", others);
        return thread.Id;
    }

    public Task<WireMessage> SendAsync(BenchPeer from, string route, string clientMessageId, string body) =>
        from.Connection.InvokeAsync<WireMessage>("SendMessage", route, clientMessageId, body);
}
