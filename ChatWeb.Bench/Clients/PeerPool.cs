namespace ChatWeb.Bench.Clients;

/// <summary>
/// The bench's connections to one server: users 0..N-1, one device each, all with the same
/// options. Phases hand them on (the idle-memory phase's connections carry the direct-message
/// steps); asking for other options closes them all and connects again.
/// </summary>
internal sealed class PeerPool(IChatTarget target)
{
    private readonly List<BenchPeer> everConnected = [];
    private BenchPeer[] peers = [];

    /// <summary>The open connections, indexed by user.</summary>
    public IReadOnlyList<BenchPeer> Peers => peers;

    public ClientOptions? Options { get; private set; }

    /// <summary>True when any connection of the run dropped without the bench closing it.</summary>
    public bool AnyDropped => everConnected.Any(p => p.DroppedUnexpectedly);

    /// <summary>Users 0..count-1 connected with these options, and nobody else.</summary>
    public async Task EnsureAsync(int count, ClientOptions options)
    {
        if (Options is not null && Options != options)
        {
            await DisposeAllAsync();
        }
        Options = options;
        if (peers.Length > count)
        {
            await PeerConnections.DisposeAllAsync(peers[count..]);
            peers = peers[..count];
        }
        else if (peers.Length < count)
        {
            var added = await PeerConnections.ConnectManyAsync(Enumerable.Range(peers.Length, count - peers.Length).ToList(), i => target.ConnectAsync(i, options));
            everConnected.AddRange(added);
            peers = [.. peers, .. added];
        }
    }

    public async Task DisposeAllAsync()
    {
        await PeerConnections.DisposeAllAsync(peers);
        peers = [];
        Options = null;
    }
}
