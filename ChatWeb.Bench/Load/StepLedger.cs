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

    private readonly long[] intended, ackSeq, deliveredSeq, masks, ackMicros;
    private readonly int[] routeOf, senderPosition, state, delivered;
    private readonly int words;
    private int duplicates, strays, seqMismatches;
    private string? firstError;

    public StepLedger(int step, IReadOnlyList<MessageRoute> routes, int count, int warmup)
    {
        Step = step;
        Routes = routes;
        Count = count;
        Warmup = warmup;
        words = (routes.Max(r => r.Members.Count) + 63) / 64;
        (intended, ackSeq, deliveredSeq, masks, ackMicros) = (new long[count], new long[count], new long[count], new long[count * words], new long[count]);
        (routeOf, senderPosition, state, delivered) = (new int[count], new int[count], new int[count], new int[count]);
    }

    public int Step { get; }
    public int Count { get; }
    public int Warmup { get; }
    public IReadOnlyList<MessageRoute> Routes { get; }
    public LongConcurrentHistogram AckLatency { get; } = LatencySummary.NewHistogram();
    public LongConcurrentHistogram DeliverLatency { get; } = LatencySummary.NewHistogram();

    public string ClientId(int i) => $"s{Step}-{i}";

    public void Plan(int i, long intendedTimestamp, int route, BenchPeer sender)
    {
        intended[i] = intendedTimestamp;
        routeOf[i] = route;
        senderPosition[i] = Routes[route].PositionOf(sender);
        Volatile.Write(ref state[i], Planned);
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
        ackMicros[i] = Micros(now - intended[i]);
        if (i >= Warmup)
        {
            AckLatency.RecordValue(ackMicros[i]);
        }
        Volatile.Write(ref state[i], Acked);
    }

    public void Fail(int i, Exception ex)
    {
        Interlocked.CompareExchange(ref firstError, ex.Message, null);
        Volatile.Write(ref state[i], Failed);
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
            DeliverLatency.RecordValue(Micros(now - intended[i]));
        }
        Interlocked.Increment(ref delivered[i]);
    }

    /// <summary>Every message answered, and every acknowledged one at every member.</summary>
    public bool IsSettled()
    {
        for (var i = 0; i < Count; i++)
        {
            var s = Volatile.Read(ref state[i]);
            if (s == Planned || (s == Acked && Volatile.Read(ref delivered[i]) < Routes[routeOf[i]].Members.Count))
            {
                return false;
            }
        }
        return true;
    }

    public StepResult Summarize(string label, double rate, double sendSeconds)
    {
        int acked = 0, failed = 0, lost = 0, unanswered = 0;
        for (var i = 0; i < Count; i++)
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
        return new StepResult(label, rate, Count, acked, failed, lost, duplicates + seqMismatches, strays, unanswered == 0,
            sendSeconds, Routes[0].Members.Count, LatencySummary.From(AckLatency), LatencySummary.From(DeliverLatency), firstError);
    }

    /// <summary>
    /// The step's acknowledgements in slices of its schedule: each slice's start (Stopwatch ticks),
    /// how many were acknowledged, their median and their maximum latency (µs).
    /// </summary>
    public IEnumerable<(long Start, int Count, long Median, long Max)> AckSlices(TimeSpan slice)
    {
        var width = (long)(slice.TotalSeconds * Stopwatch.Frequency);
        return Enumerable.Range(0, Count)
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
