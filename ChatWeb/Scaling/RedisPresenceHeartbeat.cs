using ChatWeb.Domain.Presence;

namespace ChatWeb.Scaling;

/// <summary>
/// Keeps this node's presence entries alive in Redis (if the node dies, they lapse on their own),
/// announces as offline the people whose entries lapsed with another node, and as online again
/// its own people whom other nodes took for lapsed while this node could not reach Redis.
/// Announcements that fail are kept by <see cref="PresenceService"/> and made on a later beat.
/// </summary>
internal sealed class RedisPresenceHeartbeat(RedisPresenceTracker tracker, PresenceService presence, ILogger<RedisPresenceHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RedisPresenceTracker.EntryLifetime / 3);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var takenForLapsed = await tracker.RefreshLocalConnectionsAsync();
                await presence.AnnounceReturnedAsync(takenForLapsed, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not refresh presence in Redis, or announce who is back online; will retry.");
            }
            try
            {
                await presence.AnnounceLapsedAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not announce lapsed presence; will retry.");
            }
        }
    }
}
