using System.Diagnostics;
using ChatWeb.Bench.Baseline;
using ChatWeb.Bench.Clients;
using HdrHistogram;

namespace ChatWeb.Bench.Load;

/// <summary>
/// Every message of one step: when it was meant to be sent, what the server acknowledged, and a
/// bit per member connection that received it. A second delivery to the same connection is a
/// duplicate; an acknowledged message missing a bit after the drain is lost.
/// </summary>
internal sealed class StepLedger
{
    private const int Planned = 1, Acked = 2, Failed = 3;
    private static readonly long BoundMicros = (long)BenchProfile.P99Bound.TotalMicroseconds;

    private readonly long[] intended, ackAt, ackSeq, deliveredSeq, masks, ackMicros;
    private readonly int[] routeOf, senderPosition, state, delivered;
    private readonly int words;
    private readonly long timedDeliveries;
    private int planned, duplicates, strays, seqMismatches, failures, lateDeliveries;
    private long progress;
    private string? firstError;

    public StepLedger(int step, IReadOnlyList<MessageRoute> routes, int count, int warmup)
    {
        Step = step;
        Routes = routes;
        Count = count;
        Warmup = warmup;
        Users = routes.SelectMany(r => r.Senders).Distinct().Count();
        words = (routes.Max(r => r.Members.Count) + 63) / 64;
        // Every timed message reaches every member but its sender; the most any route has, so the
        // share of late deliveries is never overstated.
        timedDeliveries = (long)(count - warmup) * (routes.Max(r => r.Members.Count) - 1);
        (intended, ackAt, ackSeq, deliveredSeq, ackMicros) = (new long[count], new long[count], new long[count], new long[count], new long[count]);
        masks = new long[count * words];
        (routeOf, senderPosition, state, delivered) = (new int[count], new int[count], new int[count], new int[count]);
    }

    public int Step { get; }
    public int Count { get; }
    public int Warmup { get; }
    public int Users { get; }
    public IReadOnlyList<MessageRoute> Routes { get; }
    public LongConcurrentHistogram AckLatency { get; } = LatencySummary.NewHistogram();
    public LongConcurrentHistogram DeliverLatency { get; } = LatencySummary.NewHistogram();

    /// <summary>Messages sent so far: all of them, unless the step was stopped early.</summary>
    public int PlannedCount => Volatile.Read(ref planned);

    /// <summary>Grows with every answer and delivery: while it moves, the server is still working off the step.</summary>
    public long Progress => Interlocked.Read(ref progress);

    /// <summary>
    /// The step cannot be sustained whatever comes next: a send was refused, or more than 1% of all
    /// the deliveries it will time have already arrived later than the bound, so p99 is above it.
    /// </summary>
    public bool CertainlyMissed => Volatile.Read(ref failures) > 0 || Volatile.Read(ref lateDeliveries) * 100L > timedDeliveries;

    public string ClientId(int i) => $"s{Step}-{i}";

    public void Plan(int i, long intendedTimestamp, int route, BenchPeer sender)
    {
        intended[i] = intendedTimestamp;
        routeOf[i] = route;
        senderPosition[i] = Routes[route].PositionOf(sender);
        Volatile.Write(ref state[i], Planned);
        Volatile.Write(ref planned, i + 1);
    }

    public void Acknowledge(int i, WireMessage ack, long now, bool assignsSeq)
    {
        var route = Routes[routeOf[i]];
        if (ack.ClientMessageId != ClientId(i) || ack.ThreadId != route.Id)
        {
            Fail(i, new InvalidOperationException($"ack for {ClientId(i)} names {ack.ClientMessageId} in {ack.ThreadId}"));
            return;
        }
        ackSeq[i] = ack.Seq;
        if (assignsSeq)
        {
            route.AckedSeqs.Enqueue(ack.Seq);
        }
        ackAt[i] = now;
        ackMicros[i] = Micros(now - intended[i]);
        if (i >= Warmup)
        {
            AckLatency.RecordValue(ackMicros[i]);
        }
        Volatile.Write(ref state[i], Acked);
        Interlocked.Increment(ref progress);
    }

    public void Fail(int i, Exception ex)
    {
        Interlocked.CompareExchange(ref firstError, ex.Message, null);
        Volatile.Write(ref state[i], Failed);
        Interlocked.Increment(ref failures);
        Interlocked.Increment(ref progress);
    }

    public void Deliver(int i, BenchPeer peer, WireMessage message, long now)
    {
        if ((uint)i >= (uint)Count || Volatile.Read(ref state[i]) == 0)
        {
            Interlocked.Increment(ref strays);
            return;
        }
        var position = Routes[routeOf[i]].PositionOf(peer);
        if (position < 0)
        {
            Interlocked.Increment(ref strays);
            return;
        }
        var bit = 1L << (position % 64);
        if ((Interlocked.Or(ref masks[i * words + position / 64], bit) & bit) != 0)
        {
            Interlocked.Increment(ref duplicates);
            return;
        }
        var firstSeq = Interlocked.CompareExchange(ref deliveredSeq[i], message.Seq, 0);
        if (firstSeq != 0 && firstSeq != message.Seq)
        {
            Interlocked.Increment(ref seqMismatches);
        }
        if (position != senderPosition[i] && i >= Warmup)
        {
            var micros = Micros(now - intended[i]);
            DeliverLatency.RecordValue(micros);
            if (micros > BoundMicros)
            {
                Interlocked.Increment(ref lateDeliveries);
            }
        }
        Interlocked.Increment(ref delivered[i]);
        Interlocked.Increment(ref progress);
    }

    /// <summary>Every message sent was answered, and every acknowledged one reached every member.</summary>
    public bool IsSettled()
    {
        for (var i = 0; i < PlannedCount; i++)
        {
            var s = Volatile.Read(ref state[i]);
            if (s == Planned || (s == Acked && Volatile.Read(ref delivered[i]) < Routes[routeOf[i]].Members.Count))
            {
                return false;
            }
        }
        return true;
    }

    public StepResult Summarize(string label, double rate, double sendSeconds, bool stoppedEarly = false)
    {
        int acked = 0, failed = 0, lost = 0, unanswered = 0;
        var sent = PlannedCount;
        for (var i = 0; i < sent; i++)
        {
            switch (Volatile.Read(ref state[i]))
            {
                case Acked:
                    acked++;
                    var members = Routes[routeOf[i]].Members.Count;
                    var seqDiffers = deliveredSeq[i] != 0 && deliveredSeq[i] != ackSeq[i];
                    lost += Volatile.Read(ref delivered[i]) < members || seqDiffers ? 1 : 0;
                    break;
                case Failed: failed++; break;
                default: unanswered++; break;
            }
        }
        var timedAcked = Enumerable.Range(Warmup, Math.Max(0, sent - Warmup)).Where(i => Volatile.Read(ref state[i]) == Acked);
        var (stall, stallFrom) = StallMeter.LargestWindow(timedAcked.Select(i => (intended[i], ackAt[i])));
        return new StepResult(label, rate, sent, acked, failed, lost, duplicates + seqMismatches, strays, unanswered == 0,
            sendSeconds, Routes[0].Members.Count, Users, LatencySummary.From(AckLatency), LatencySummary.From(DeliverLatency),
            stall.TotalMilliseconds, stoppedEarly, firstError)
        {
            LargestStallFromUtc = DateTime.UtcNow - Stopwatch.GetElapsedTime(stallFrom),
        };
    }

    /// <summary>
    /// The step's acknowledgements in slices of its schedule: each slice's start (Stopwatch ticks),
    /// how many were acknowledged, their median and their maximum latency (µs).
    /// </summary>
    public IEnumerable<(long Start, int Count, long Median, long Max)> AckSlices(TimeSpan slice)
    {
        var width = (long)(slice.TotalSeconds * Stopwatch.Frequency);
        return Enumerable.Range(0, PlannedCount)
            .Where(i => Volatile.Read(ref state[i]) == Acked)
            .GroupBy(i => (intended[i] - intended[0]) / width)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var latencies = g.Select(i => ackMicros[i]).Order().ToArray();
                return (intended[0] + g.Key * width, latencies.Length, latencies[latencies.Length / 2], latencies[^1]);
            });
    }

    private static long Micros(long ticks) => Math.Max(1, ticks * 1_000_000 / Stopwatch.Frequency);
}
