namespace ChatWeb.Domain.Presence;

/// <summary>Presence for a single node: a connection set per user, guarded by one lock (updates are rare and tiny).</summary>
public sealed class InMemoryPresenceTracker : IPresenceTracker
{
    private readonly Dictionary<string, HashSet<string>> connectionsByUser = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public Task<bool> ConnectedAsync(string userId, string connectionId)
    {
        lock (gate)
        {
            if (!connectionsByUser.TryGetValue(userId, out var connections))
            {
                connections = new HashSet<string>(StringComparer.Ordinal);
                connectionsByUser[userId] = connections;
            }
            connections.Add(connectionId);
            return Task.FromResult(connections.Count == 1);
        }
    }

    public Task<bool> DisconnectedAsync(string userId, string connectionId)
    {
        lock (gate)
        {
            if (!connectionsByUser.TryGetValue(userId, out var connections) || !connections.Remove(connectionId))
            {
                return Task.FromResult(false);
            }
            if (connections.Count > 0)
            {
                return Task.FromResult(false);
            }
            connectionsByUser.Remove(userId);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlySet<string>> OnlineAmongAsync(IReadOnlyCollection<string> userIds)
    {
        lock (gate)
        {
            IReadOnlySet<string> online = userIds.Where(connectionsByUser.ContainsKey).ToHashSet(StringComparer.Ordinal);
            return Task.FromResult(online);
        }
    }

    /// <summary>Nothing lapses on one node: when it dies, its connections and everyone who saw them go with it.</summary>
    public Task<IReadOnlyList<LapsedUser>> TakeLapsedAsync() => Task.FromResult<IReadOnlyList<LapsedUser>>([]);
}
