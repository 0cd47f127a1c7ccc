namespace ChatWeb.Hubs;

/// <summary>Every connection of a user joins their group, so one send reaches all their devices on every node.</summary>
internal static class UserGroups
{
    public static string For(string userId) => $"user:{userId}";

    public static IReadOnlyList<string> For(IEnumerable<string> userIds) => userIds.Select(For).ToList();

    /// <summary>The user's connections that take a ThreadUpdated for every new message (all, unless they opted out).</summary>
    public static string ThreadUpdatesOnMessage(string userId) => $"user-thread-updates:{userId}";
}
