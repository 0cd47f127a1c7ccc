using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// Each person's allowance of sends, whatever path they come in by (hub, circuit, any other): a
/// token bucket of <see cref="SendRateLimitOptions.Burst"/> sends that refills at
/// <see cref="SendRateLimitOptions.PerSecond"/>, shared by all of the person's devices on this node.
/// The refill is worked out from the time since the person's last send and capped at the bucket's
/// size, so a burst after any pause gets at most the bucket, never the idle time's worth.
/// </summary>
public sealed class SendQuota
{
    // A full bucket is the same as none, so buckets that have refilled may be dropped; looked for at
    // most once per refill time, and only once this many people have sent: memory stays bounded without a timer.
    private const int SweepThreshold = 10_000;

    private readonly ConcurrentDictionary<string, Bucket> buckets = new(StringComparer.Ordinal);
    private readonly TimeProvider clock;
    private readonly long capacity;
    private readonly long cost;
    private readonly long refillPerTick;
    private readonly long ticksToFill;
    private long nextSweep;

    public SendQuota(IOptions<SendRateLimitOptions> options, TimeProvider clock)
    {
        var settings = options.Value;
        if (settings.Burst < 1 || settings.PerSecond < 1)
        {
            throw new InvalidOperationException(
                $"{SendRateLimitOptions.SectionName}:Burst and :PerSecond must be at least 1; got {settings.Burst} and {settings.PerSecond}.");
        }
        this.clock = clock;
        // Exact integer arithmetic: one send costs one second's worth of clock ticks, and every tick
        // adds PerSecond units, so PerSecond sends come back per second with no rounding drift.
        cost = clock.TimestampFrequency;
        capacity = settings.Burst * cost;
        refillPerTick = settings.PerSecond;
        ticksToFill = (capacity + refillPerTick - 1) / refillPerTick;
    }

    /// <summary>Takes one send from the person's allowance, or refuses it as too fast (nothing else happens).</summary>
    public void Take(string userId)
    {
        var now = clock.GetTimestamp();
        bool? taken;
        do
        {
            var bucket = buckets.GetOrAdd(userId, static (_, state) => new Bucket(state.capacity, state.now), (capacity, now));
            // Null: the sweep dropped this bucket as full just now; the next look-up gets a fresh (full) one.
            taken = bucket.TryTake(now, this);
        }
        while (taken is null);

        if (taken is false)
        {
            throw ChatException.TooFast();
        }
        SweepFullBuckets(now);
    }

    private long Refill(long credit, long elapsedTicks) =>
        Math.Min(capacity, credit + Math.Min(elapsedTicks, ticksToFill) * refillPerTick);

    private void SweepFullBuckets(long now)
    {
        // The time first: counting a ConcurrentDictionary takes every one of its locks.
        var due = Interlocked.Read(ref nextSweep);
        if (now < due || Interlocked.CompareExchange(ref nextSweep, now + ticksToFill, due) != due || buckets.Count < SweepThreshold)
        {
            return;
        }
        foreach (var (userId, bucket) in buckets)
        {
            if (bucket.RetireIfFull(now, this))
            {
                buckets.TryRemove(new KeyValuePair<string, Bucket>(userId, bucket));
            }
        }
    }

    private sealed class Bucket(long credit, long updatedAt)
    {
        private readonly Lock gate = new();
        private bool retired;

        /// <returns>True when taken, false when refused, null when the bucket was retired.</returns>
        public bool? TryTake(long now, SendQuota quota)
        {
            lock (gate)
            {
                if (retired)
                {
                    return null;
                }
                if (now > updatedAt)
                {
                    credit = quota.Refill(credit, now - updatedAt);
                    updatedAt = now;
                }
                if (credit < quota.cost)
                {
                    return false;
                }
                credit -= quota.cost;
                return true;
            }
        }

        public bool RetireIfFull(long now, SendQuota quota)
        {
            lock (gate)
            {
                retired = quota.Refill(credit, Math.Max(0, now - updatedAt)) == quota.capacity;
                return retired;
            }
        }
    }
}
