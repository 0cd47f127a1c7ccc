namespace ChatWeb.Domain.Presence;

/// <summary>
/// Which users have at least one live connection. In memory for one node; a shared store
/// (such as Redis) for several, so a user connected to any node counts as online.
/// </summary>
public interface IPresenceTracker
{
    /// <summary>True when this is the user's first live connection (they just came online).</summary>
    Task<bool> ConnectedAsync(string userId, string connectionId);

    /// <summary>True when this was the user's last live connection (they just went offline).</summary>
    Task<bool> DisconnectedAsync(string userId, string connectionId);

    Task<IReadOnlySet<string>> OnlineAmongAsync(IReadOnlyCollection<string> userIds);

    /// <summary>
    /// The people whose last connections lapsed since the last call because the node holding them
    /// died without saying goodbye. Each such person is returned once, to one caller on one node.
    /// </summary>
    Task<IReadOnlyList<LapsedUser>> TakeLapsedAsync();
}
