using StackExchange.Redis;

namespace ChatWeb.Scaling;

/// <summary>
/// Whether events can travel between nodes right now. A single node has no backplane and is never
/// down. While Redis is unreachable every push to another node fails; <see cref="RedisConnectionLog"/>
/// says so once, so the pushes themselves log quietly instead of once per message.
/// </summary>
public sealed class BackplaneStatus(IConnectionMultiplexer? redis)
{
    public static readonly BackplaneStatus SingleNode = new(null);

    public bool IsDown => redis is { IsConnected: false };

    /// <summary>A failure explained by a Redis outage that has been reported already.</summary>
    public bool Explains(Exception ex) =>
        redis is not null && (IsDown || ex is RedisConnectionException or RedisTimeoutException);
}
