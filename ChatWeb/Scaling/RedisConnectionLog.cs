using System.Net;
using StackExchange.Redis;

namespace ChatWeb.Scaling;

/// <summary>
/// Says once when this node loses Redis and once when it has all of it back. The client raises an
/// event per connection (one for commands, one for pub/sub) and endpoint; the log wants one line
/// per outage, and every push, typing relay and heartbeat that fails meanwhile stays at Debug
/// (<see cref="BackplaneStatus"/>). "Back" waits for the pub/sub connection too: the client
/// subscribes again before it reports that one restored, so from then on events reach this node.
/// The SignalR backplane logs its pub/sub connection's failure itself too, once per outage.
/// </summary>
internal sealed class RedisConnectionLog(IConnectionMultiplexer redis, ILogger<RedisConnectionLog> logger) : IHostedService
{
    private readonly HashSet<(EndPoint?, ConnectionType)> failed = [];
    private readonly Lock gate = new();

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
        lock (gate)
        {
            if (!failed.Add((e.EndPoint, e.ConnectionType)) || failed.Count > 1)
            {
                return;
            }
        }
        logger.LogWarning(
            "Redis at {EndPoint} cannot be reached ({FailureType}: {Reason}). Messages are still stored and acknowledged; " +
            "devices on other nodes get them once Redis is back (they catch up by seq), and presence waits until then. Reconnecting.",
            e.EndPoint, e.FailureType, e.Exception?.Message);
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        lock (gate)
        {
            if (!failed.Remove((e.EndPoint, e.ConnectionType)) || failed.Count > 0)
            {
                return;
            }
        }
        logger.LogInformation("Redis at {EndPoint} is reachable again: delivery between nodes and shared presence resume.", e.EndPoint);
    }
}
