using ChatWeb.Domain.Administration;

namespace ChatWeb.Sessions;

/// <summary>
/// Now and then each node checks its connections' sign-ins against the accounts and closes the
/// ones no longer good: the safety net for an end-of-session message that never arrived, and for
/// a password changed elsewhere. One query per 500 people.
/// </summary>
internal sealed class SessionSweep(LiveConnections connections, SessionChecker checker, TimeProvider clock, ILogger<SessionSweep> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not check the live connections' sign-ins; trying again in {Interval}.", Interval);
            }
        }
    }

    public async Task SweepAsync(CancellationToken ct)
    {
        var live = connections.Snapshot();
        if (live.Count == 0)
        {
            return;
        }
        var ended = await checker.FindEndedAsync(live.Select(c => (c.UserId, c.Stamp)).ToList(), ct);
        foreach (var (connection, userId, stamp) in live.Where(c => ended.Contains((c.UserId, c.Stamp))))
        {
            logger.LogInformation("Closing hub connection {ConnectionId} of user {UserId}: its sign-in is no longer valid.", connection.ConnectionId, userId);
            connection.Abort();
        }
    }
}
