using ChatWeb.Domain.Presence;

namespace ChatWeb.Scaling;

/// <summary>
/// Beats this node's presence heartbeat in Redis (if the node dies, it stops, and the others
/// notice), announces as online again its own people whom other nodes took for gone while this
/// node could not reach Redis, and sweeps for nodes that died, announcing their people offline.
/// Announcements that fail are kept by <see cref="PresenceService"/> and made on a later beat.
/// </summary>
internal sealed class RedisPresenceHeartbeat(
    RedisPresenceTracker tracker, PresenceService presence, RedisPresenceOptions options, BackplaneStatus backplane, ILogger<RedisPresenceHeartbeat> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.BeatInterval);
        do
        {
            await BeatAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task BeatAsync(CancellationToken ct)
    {
        try
        {
            await presence.AnnounceReturnedAsync(await tracker.BeatAsync(), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log(ex, "Could not renew this node's presence heartbeat, or announce who is back online; will retry.");
        }
        try
        {
            await presence.AnnounceLapsedAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log(ex, "Could not sweep for nodes that died, or announce their people offline; will retry.");
        }
    }

    private void Log(Exception ex, string message)
    {
        if (backplane.Explains(ex))
        {
            logger.LogDebug(ex, "{Message} Redis is unreachable.", message);
        }
        else
        {
            logger.LogWarning(ex, "{Message}", message);
        }
    }
}
