namespace ChatWeb.Scaling;

/// <summary>Keeps this node's presence entries alive in Redis; if the node dies, they lapse on their own.</summary>
internal sealed class RedisPresenceHeartbeat(RedisPresenceTracker tracker, ILogger<RedisPresenceHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RedisPresenceTracker.EntryLifetime / 3);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await tracker.RefreshLocalConnectionsAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not refresh presence in Redis; will retry.");
            }
        }
    }
}
