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
    private bool reportedDown;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionFailed += OnConnectionFailed;
        redis.ConnectionRestored += OnConnectionRestored;
        // The first attempt ran before anyone listened: a node that starts while Redis is away says so too.
        if (!redis.IsConnected && Report(down: true))
        {
            logger.LogWarning("Redis cannot be reached yet. Messages are stored and acknowledged; delivery between nodes and shared presence start once it can be. Connecting.");
        }
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
            failed.Add((e.EndPoint, e.ConnectionType));
        }
        if (Report(down: true))
        {
            logger.LogWarning(
                "Redis at {EndPoint} cannot be reached ({FailureType}: {Reason}). Messages are still stored and acknowledged; " +
                "devices on other nodes get them once Redis is back (they catch up by seq), and presence waits until then. Reconnecting.",
                e.EndPoint, e.FailureType, e.Exception?.Message);
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        lock (gate)
        {
            failed.Remove((e.EndPoint, e.ConnectionType));
        }
        if (Report(down: false))
        {
            logger.LogInformation("Redis at {EndPoint} is reachable again: delivery between nodes and shared presence resume.", e.EndPoint);
        }
    }

    /// <summary>True when this changes what was last reported: down at the first failure, up once every connection is back.</summary>
    private bool Report(bool down)
    {
        lock (gate)
        {
            if (reportedDown == down || (!down && (failed.Count > 0 || !redis.IsConnected)))
            {
                return false;
            }
            reportedDown = down;
            return true;
        }
    }
}
