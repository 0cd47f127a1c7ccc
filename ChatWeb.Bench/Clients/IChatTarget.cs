using ChatWeb.Bench.Baseline;

namespace ChatWeb.Bench.Clients;

/// <summary>A server the bench drives the same way: the chat server, or the bare relay it is compared with.</summary>
internal interface IChatTarget
{
    string Name { get; }

    /// <summary>True when acknowledgements carry a per-thread seq that must run 1..N without gaps.</summary>
    bool AssignsSeq { get; }

    /// <summary>One device of a user; the chat server is told the options, the relay has none.</summary>
    Task<BenchPeer> ConnectAsync(int userIndex, ClientOptions options);

    /// <summary>A route both people receive on: a direct thread, or a relay group both joined.</summary>
    Task<string> OpenDirectAsync(BenchPeer from, BenchPeer to);

    Task<string> CreateGroupAsync(BenchPeer owner, IReadOnlyList<BenchPeer> members);

    /// <summary>
    /// Returns once the server has worked off what an earlier phase left behind (a storm of
    /// disconnects is a storm of writes on the chat server), so the next phase measures only itself.
    /// </summary>
    Task SettleAsync();

    /// <summary>Completes when the server acknowledges: for the chat server, after commit.</summary>
    Task<WireMessage> SendAsync(BenchPeer from, string route, string clientMessageId, string body);
}
