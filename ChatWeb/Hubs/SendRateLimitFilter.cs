using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;

namespace ChatWeb.Hubs;

/// <summary>
/// A per-user token bucket on SendMessage: about 20 messages/s sustained with bursts of 40.
/// A refused send is refused before anything is stored, so no acknowledged message is ever dropped.
/// </summary>
internal sealed class SendRateLimitFilter : IHubFilter, IDisposable
{
    public const int BurstSize = 40;
    public const int PerSecond = 20;

    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(userId =>
        RateLimitPartition.GetTokenBucketLimiter(userId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = BurstSize,
            TokensPerPeriod = PerSecond / 10,
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (invocationContext.HubMethodName == nameof(ChatHub.SendMessage))
        {
            using var lease = limiter.AttemptAcquire(invocationContext.Context.UserIdentifier ?? "");
            if (!lease.IsAcquired)
            {
                throw new HubException("Too fast: you are sending messages faster than allowed. Wait a moment and try again.");
            }
        }
        return await next(invocationContext);
    }

    public void Dispose() => limiter.Dispose();
}
