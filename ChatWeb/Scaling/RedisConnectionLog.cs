using StackExchange.Redis;

namespace ChatWeb.Scaling;

/// <summary>
/// Says once when this node loses Redis and once when it has it back. The client raises an event
/// per connection (one for commands, one for pub/sub) and per endpoint; the log wants one line
/// per outage, and every push, typing relay and heartbeat that fails meanwhile stays at Debug
/// (<see cref="BackplaneStatus"/>). The SignalR backplane logs the pub/sub connection's failure
/// itself too ("Connection to Redis failed.", once per outage).
/// </summary>
internal sealed class RedisConnectionLog(IConnectionMultiplexer redis, ILogger<RedisConnectionLog> logger) : IHostedService
{
    private int down;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionFailed += OnConnectionFailed;
        redis.ConnectionRestored += OnConnectionRestored;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionFailed -= OnConnectionFailed;
        redis.ConnectionRestored -= OnConnectionRestored;
        return Task.CompletedTask;
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (Interlocked.Exchange(ref down, 1) == 0)
        {
            logger.LogWarning(
                "Redis at {EndPoint} cannot be reached ({FailureType}: {Reason}). Messages are still stored and acknowledged; " +
                "devices on other nodes get them once Redis is back (they catch up by seq), and presence waits until then. Reconnecting.",
                e.EndPoint, e.FailureType, e.Exception?.Message);
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (redis.IsConnected && Interlocked.Exchange(ref down, 0) == 1)
        {
            logger.LogInformation("Redis at {EndPoint} is reachable again: delivery between nodes and shared presence resume.", e.EndPoint);
        }
    }
}
