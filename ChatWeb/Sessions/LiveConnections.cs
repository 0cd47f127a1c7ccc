using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace ChatWeb.Sessions;

/// <summary>
/// This node's own hub connections, by person. SignalR can reach a connection on another node
/// through the backplane but only its own node can close it, so each node keeps this list and
/// closes what it holds when a person's sessions end.
/// </summary>
internal sealed class LiveConnections(IOptions<IdentityOptions> identity, ILogger<LiveConnections> logger)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubCallerContext>> byUser = new();

    public void Add(HubCallerContext connection)
    {
        if (connection.UserIdentifier is { } userId)
        {
            byUser.GetOrAdd(userId, _ => new()).TryAdd(connection.ConnectionId, connection);
        }
    }

    public void Remove(HubCallerContext connection)
    {
        if (connection.UserIdentifier is { } userId && byUser.TryGetValue(userId, out var connections))
        {
            connections.TryRemove(connection.ConnectionId, out _);
            if (connections.IsEmpty)
            {
                byUser.TryRemove(KeyValuePair.Create(userId, connections));
            }
        }
    }

    /// <summary>Closes every connection the person has on this node; each goes offline as any closed connection does.</summary>
    public int CloseAll(string userId)
    {
        if (!byUser.TryGetValue(userId, out var connections))
        {
            return 0;
        }
        var closed = 0;
        foreach (var connection in connections.Values)
        {
            connection.Abort();
            closed++;
        }
        if (closed > 0)
        {
            logger.LogInformation("Closed {Count} hub connection(s) of user {UserId}: their sessions ended.", closed, userId);
        }
        return closed;
    }

    /// <summary>Every connection with the person and the security stamp it signed in with.</summary>
    public IReadOnlyList<(HubCallerContext Connection, string UserId, string? Stamp)> Snapshot() =>
        byUser.SelectMany(u => u.Value.Values.Select(c => (c, u.Key, c.User?.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType))))
            .ToList();
}
