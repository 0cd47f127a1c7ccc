using ChatWeb.Domain.Administration;
using StackExchange.Redis;

namespace ChatWeb.Sessions;

/// <summary>
/// Ends a person's live sessions everywhere: this node closes its own connections at once, and with
/// several nodes a message on a Redis channel tells every other node to close theirs. Their new
/// security stamp already refuses every cookie and token they hold, so a closed connection cannot
/// come back. Should the message be lost (Redis down), each node's sweep finds the connections
/// within <see cref="SessionSweep.Interval"/>.
/// </summary>
internal sealed class SessionTerminator(LiveConnections connections, ILogger<SessionTerminator> logger, IConnectionMultiplexer? redis = null) : ISessionTerminator
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("chatweb:sessions-ended");

    public async Task EndSessionsAsync(string userId, CancellationToken ct = default)
    {
        connections.CloseAll(userId);
        if (redis is null)
        {
            return;
        }
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, userId);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not tell the other nodes that user {UserId}'s sessions ended; their sweep will close them.", userId);
        }
    }
}
