using ChatWeb.Domain.Chat;

namespace ChatWeb.Hubs;

/// <summary>
/// Read receipts at most once per <see cref="Interval"/> per reader and thread: a person scrolling
/// through a busy thread moves their watermark many times a second, and every other member would
/// hear each move. The first move goes at once; later ones within the interval wait, and only the
/// highest is sent when the interval is up, so the latest watermark always arrives. Per node: a
/// person reading on devices attached to two nodes may be heard from each. Timed by the wall clock,
/// as the views' own timers are; a clock set back delays a mark by one interval at most.
/// </summary>
internal sealed class ReadUpToCoalescer(TimeProvider clock, Func<ReadUpTo, IReadOnlyCollection<string>, Task> send) : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    // Above this many readers remembered, those idle for an interval are forgotten.
    private const int ForgetIdleAbove = 10_000;

    private readonly Lock gate = new();
    private readonly Dictionary<(string UserName, Guid ThreadId), Slot> slots = [];

    /// <summary>Sends now, or keeps the mark for the end of the reader's interval (the highest of those kept wins).</summary>
    public Task OfferAsync(ReadUpTo read, IReadOnlyCollection<string> recipientIds)
    {
        var key = (read.UserName, read.ThreadId);
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (!slots.TryGetValue(key, out var slot))
            {
                ForgetIdle(now);
                slots[key] = slot = new Slot();
            }
            if (slot.Timer is not null)
            {
                slot.Keep(read, recipientIds);
                return Task.CompletedTask;
            }
            if (slot.LastSentAt is { } last && now - last < Interval)
            {
                slot.Keep(read, recipientIds);
                var due = Interval - (now < last ? TimeSpan.Zero : now - last);
                slot.Timer = clock.CreateTimer(_ => Flush(key), null, due, Timeout.InfiniteTimeSpan);
                return Task.CompletedTask;
            }
            slot.LastSentAt = now;
        }
        return send(read, recipientIds);
    }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var slot in slots.Values)
            {
                slot.Timer?.Dispose();
            }
            slots.Clear();
        }
    }

    private void Flush((string, Guid) key)
    {
        (ReadUpTo Read, IReadOnlyCollection<string> RecipientIds)? due;
        lock (gate)
        {
            if (!slots.TryGetValue(key, out var slot))
            {
                return;
            }
            due = slot.Pending;
            slot.Pending = null;
            slot.Timer?.Dispose();
            slot.Timer = null;
            slot.LastSentAt = clock.GetUtcNow();
        }
        if (due is { } pending)
        {
            // On a timer's thread: the push logs its own failures, and there is no caller to tell.
            _ = send(pending.Read, pending.RecipientIds);
        }
    }

    private void ForgetIdle(DateTimeOffset now)
    {
        if (slots.Count < ForgetIdleAbove)
        {
            return;
        }
        foreach (var (key, _) in slots.Where(s => s.Value.Timer is null && s.Value.LastSentAt is { } last && now - last >= Interval).ToList())
        {
            slots.Remove(key);
        }
    }

    private sealed class Slot
    {
        public DateTimeOffset? LastSentAt { get; set; }
        public ITimer? Timer { get; set; }
        public (ReadUpTo Read, IReadOnlyCollection<string> RecipientIds)? Pending { get; set; }

        /// <summary>Keeps the highest mark; the audience of the newest call, which knows best who shares receipts now.</summary>
        public void Keep(ReadUpTo read, IReadOnlyCollection<string> recipientIds) =>
            Pending = Pending is { } kept && kept.Read.Seq > read.Seq ? (kept.Read, recipientIds) : (read, recipientIds);
    }
}
