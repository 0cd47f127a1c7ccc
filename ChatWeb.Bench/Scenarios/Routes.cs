using ChatWeb.Bench.Clients;
using ChatWeb.Bench.Load;

namespace ChatWeb.Bench.Scenarios;

/// <summary>The conversations a load runs over, opened through the target's own methods.</summary>
internal static class Routes
{
    /// <summary>
    /// A ring of direct threads: user i writes to user i+1. Every user sends on one thread and
    /// receives on another, so load spreads evenly and each user's send rate is rate / users.
    /// Routes hold connections; <see cref="MessageRoute.Rebind"/> moves them to new ones.
    /// </summary>
    public static async Task<IReadOnlyList<MessageRoute>> DirectRingAsync(IChatTarget target, IReadOnlyList<BenchPeer> peers)
    {
        var routes = new MessageRoute[peers.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, peers.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var (from, to) = (peers[i], peers[(i + 1) % peers.Count]);
            var id = await target.OpenDirectAsync(from, to);
            routes[i] = new MessageRoute(id, [from, to], [from]);
        });
        return routes;
    }

    /// <summary>One group of all the given peers; every member takes turns sending.</summary>
    public static async Task<IReadOnlyList<MessageRoute>> GroupAsync(IChatTarget target, IReadOnlyList<BenchPeer> members)
    {
        var id = await target.CreateGroupAsync(members[0], members);
        return [new MessageRoute(id, members, members)];
    }
}
