using System.Diagnostics;
using ChatWeb.Bench.Baseline;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatWeb.Bench.Clients;

/// <summary>
/// The real chat server: bearer-token connections to /hubs/chat, with the options asked for, and its public hub methods. The
/// probe is one more user's connection, in a thread of its own, used to tell when the server is idle.
/// </summary>
internal sealed class AppTarget(
    Uri baseUri, IReadOnlyList<string> userNames, IReadOnlyList<string> tokens, Action<BenchPeer, WireMessage> onMessage, int probeUser, Guid probeThread)
    : IChatTarget
{
    private static readonly TimeSpan QuietWrite = TimeSpan.FromMilliseconds(100);

    /// <summary>The part of a ThreadSummary the bench needs.</summary>
    private sealed record ThreadRef(string Id, long LastSeq);

    public string Name => "ChatWeb";
    public bool AssignsSeq => true;

    public Task<BenchPeer> ConnectAsync(int userIndex, ClientOptions options) =>
        PeerConnections.ConnectAsync(userIndex, userNames[userIndex], new Uri(baseUri, "/hubs/chat" + options.Query), tokens[userIndex], onMessage);

    public BenchPeer? Probe { get; private set; }

    /// <summary>Three quick writes in a row (toggling mute on the probe's thread): nothing is queued ahead of a send any more.</summary>
    public async Task SettleAsync()
    {
        Probe ??= await ConnectAsync(probeUser, ClientOptions.Default);
        var started = Stopwatch.GetTimestamp();
        for (int i = 0, quick = 0; quick < 3 && Stopwatch.GetElapsedTime(started) < TimeSpan.FromMinutes(1); i++)
        {
            var call = Stopwatch.GetTimestamp();
            await Probe.Connection.InvokeAsync<ThreadRef>("SetMuted", probeThread.ToString(), i % 2 == 0);
            quick = Stopwatch.GetElapsedTime(call) < QuietWrite ? quick + 1 : 0;
            await Task.Delay(200);
        }
        Console.WriteLine($"  {Name,-8} settled after {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
    }

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
