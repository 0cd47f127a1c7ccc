using System.Collections.Concurrent;
using System.Diagnostics;
using ChatWeb.Bench.Baseline;
using ChatWeb.Bench.Clients;

namespace ChatWeb.Bench.Load;

/// <summary>
/// All steps of a run. Deliveries find their step by the client message id ("s{step}-{index}"),
/// so a late delivery still lands in the right ledger and anything unrecognised is counted.
/// </summary>
/// <param name="seriesFolder">Where each step's latency over time is written (<see cref="WriteSeries"/>).</param>
internal sealed class LedgerBook(string seriesFolder)
{
    private readonly ConcurrentDictionary<int, StepLedger> steps = new();
    private int lastStep;
    private int strays;

    public int Strays => Volatile.Read(ref strays);

    public IEnumerable<StepLedger> Steps => steps.Values.OrderBy(s => s.Step);

    public StepLedger Begin(IReadOnlyList<MessageRoute> routes, int count, int warmup)
    {
        var ledger = new StepLedger(Interlocked.Increment(ref lastStep), routes, count, warmup);
        steps[ledger.Step] = ledger;
        return ledger;
    }

    /// <summary>
    /// Writes a step's acknowledgements per 100 ms of its schedule as CSV: when a step misses, this
    /// shows whether the server was slow throughout or stalled once, and when. Slices start on the
    /// monotonic clock (what <c>perf trace -T</c> and the kernel print) and on wall-clock time.
    /// </summary>
    public void WriteSeries(StepLedger ledger, string name)
    {
        Directory.CreateDirectory(seriesFolder);
        var wallMinusMonotonic = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0 - Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
        var lines = ledger.AckSlices(TimeSpan.FromMilliseconds(100)).Select(s =>
        {
            var monotonic = s.Start / (double)Stopwatch.Frequency;
            return FormattableString.Invariant($"{monotonic:F3},{monotonic + wallMinusMonotonic:F3},{s.Count},{s.Median},{s.Max}");
        });
        File.WriteAllLines(Path.Combine(seriesFolder, name + ".csv"), ["monotonic_s,unix_s,acked,median_ack_us,max_ack_us", .. lines]);
    }

    /// <summary>
    /// Writes what the server's runtime and send path did during a step, one span per line (start
    /// on wall-clock time, kind, length, count), beside the step's series: collector pauses as
    /// "gc0".."gc2" (or "gc-1" for a suspension without one), and the send path's batches,
    /// flushes and checkpoint copies.
    /// </summary>
    public void WriteRuntime(Diagnostics.RuntimeReport report, string name)
    {
        Directory.CreateDirectory(seriesFolder);
        static double Unix(DateTime utc) => (utc - DateTime.UnixEpoch).TotalSeconds;
        var pauses = report.Pauses.Select(p => (Unix(p.Start), $"gc{p.Generation}", p.Milliseconds, (int)(p.PromotedBytes / 1024)));
        var spans = report.SendPath.Select(s => (Unix(s.Start), s.Kind, s.Milliseconds, s.Count));
        var lines = pauses.Concat(spans).OrderBy(x => x.Item1)
            .Select(x => FormattableString.Invariant($"{x.Item1:F4},{x.Item2},{x.Item3:F2},{x.Item4}"));
        File.WriteAllLines(Path.Combine(seriesFolder, name + ".csv"), ["unix_s,kind,ms,count", .. lines]);
    }

    /// <summary>The MessageReceived handler of every bench connection.</summary>
    public void OnMessage(BenchPeer peer, WireMessage message)
    {
        var now = Stopwatch.GetTimestamp();
        if (TryParse(message.ClientMessageId, out var step, out var index) && steps.TryGetValue(step, out var ledger))
        {
            ledger.Deliver(index, peer, message, now);
        }
        else
        {
            Interlocked.Increment(ref strays);
        }
    }

    private static bool TryParse(string? clientMessageId, out int step, out int index)
    {
        (step, index) = (0, 0);
        var id = clientMessageId.AsSpan();
        var dash = id.IndexOf('-');
        return id.Length > 2 && id[0] == 's' && dash > 1
            && int.TryParse(id[1..dash], out step) && int.TryParse(id[(dash + 1)..], out index);
    }
}
