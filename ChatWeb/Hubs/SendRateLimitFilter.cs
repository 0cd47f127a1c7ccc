using System.Collections.Frozen;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace ChatWeb.Hubs;

/// <summary>
/// A per-user token bucket on everything that writes a message: sending, posting, editing, deleting
/// and reacting share about 20/s sustained with bursts of 40. A refused call is refused before
/// anything is stored, so no acknowledged message or change is ever dropped.
/// </summary>
internal sealed class SendRateLimitFilter(IOptions<SendRateLimitOptions> options) : IHubFilter, IDisposable
{
    private static readonly FrozenSet<string> Limited = FrozenSet.ToFrozenSet(
    [
        nameof(ChatHub.SendMessage), nameof(ChatHub.PostMessage), nameof(ChatHub.EditMessage), nameof(ChatHub.DeleteMessage), nameof(ChatHub.React),
    ]);

    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(userId =>
        RateLimitPartition.GetTokenBucketLimiter(userId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, options.Value.Burst),
            // Refilled in tenths of a second so the allowance flows smoothly rather than once a second.
            TokensPerPeriod = Math.Max(1, options.Value.PerSecond / 10),
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(options.Value.PerSecond >= 10 ? 100 : 1000.0 / Math.Max(1, options.Value.PerSecond)),
            QueueLimit = 0,
            // The partitioned limiter refills every bucket from one 100 ms timer; auto-replenishing
            // buckets would each run a timer of their own, ten wake-ups a second per active sender.
            AutoReplenishment = false,
        }));

    // Not async: every hub call passes through here, and only a refused send needs more than a pass-through.
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (Limited.Contains(invocationContext.HubMethodName))
        {
            // A token bucket's lease holds nothing once granted.
            using var lease = limiter.AttemptAcquire(invocationContext.Context.UserIdentifier ?? "");
            if (!lease.IsAcquired)
            {
                throw new HubException("Too fast: you are sending messages or changes faster than allowed. Wait a moment and try again.");
            }
        }
        return next(invocationContext);
    }

    public void Dispose() => limiter.Dispose();
}
