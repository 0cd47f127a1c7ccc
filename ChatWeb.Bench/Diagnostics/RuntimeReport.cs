namespace ChatWeb.Bench.Diagnostics;

/// <summary>What the runtime did during a step: its pauses, lock contention and starvation injections.</summary>
internal sealed record RuntimeReport(IReadOnlyList<GcPause> Pauses, IReadOnlyList<double> ContentionMs, int StarvationInjections)
{
    public static readonly RuntimeReport None = new([], [], 0);

    /// <summary>The chat server's send-path spans during the step (none for the relay).</summary>
    public IReadOnlyList<SendPathSpan> SendPath { get; init; } = [];

    /// <summary>Bytes the server allocated during the step (the runtime's allocation counter, summed).</summary>
    public long AllocatedBytes { get; init; }

    public int Collections(int generation) => Pauses.Count(p => p.Generation == generation && p.Type != "BackgroundGC");

    public int BackgroundCollections => Pauses.Count(p => p.Type == "BackgroundGC");

    public double TotalPauseMs => Pauses.Sum(p => p.Milliseconds);

    public double LongestPauseMs => Pauses.Count == 0 ? 0 : Pauses.Max(p => p.Milliseconds);

    /// <summary>What a blocking collection of this generation promoted on average (KiB).</summary>
    public double Promoted(int generation) =>
        Pauses.Where(p => p.Generation == generation && p.Type != "BackgroundGC").Select(p => p.PromotedBytes / 1024.0).DefaultIfEmpty().Average();

    /// <summary>Milliseconds of pause that fell inside a window, e.g. the step's largest stall.</summary>
    public double PausedWithin(DateTime from, DateTime to) =>
        Pauses.Sum(p => Math.Max(0, (Min(p.End, to) - Max(p.Start, from)).TotalMilliseconds));

    /// <summary>One line for the console and the steps table.</summary>
    public string Describe(double seconds, int messages) =>
        $"allocated {AllocatedBytes / 1024.0 / Math.Max(1, messages):F1} KiB per message; GC gen0 {Collections(0)}, gen1 {Collections(1)}, gen2 {Collections(2)} blocking + {BackgroundCollections} background; " +
        $"promoted per gen0 {Promoted(0):F0} KiB, per gen1 {Promoted(1):F0} KiB; " +
        $"paused {TotalPauseMs:F0} ms ({TotalPauseMs / Math.Max(1, seconds) / 10:F1}% of the time), longest {LongestPauseMs:F1} ms; " +
        $"lock waits {ContentionMs.Count} ({ContentionMs.Sum():F0} ms); starvation injections {StarvationInjections}";

    /// <summary>
    /// The send path in one line: batches (mean sends, longest), flushes and checkpoint copies
    /// (longest), and the longest of each that overlapped a window such as the largest stall.
    /// </summary>
    public string DescribeSendPath(DateTime from, DateTime to)
    {
        if (SendPath.Count == 0)
        {
            return "no send-path events";
        }
        var batches = SendPath.Where(s => s.Kind == SendPathSpan.Batch).ToList();
        var parts = new List<string>
        {
            $"{batches.Count} batches of {batches.Select(b => (double)b.Count).DefaultIfEmpty().Average():F1} sends, longest {Longest(batches):F1} ms",
        };
        foreach (var kind in new[] { SendPathSpan.Flush, SendPathSpan.CheckpointByWriter, SendPathSpan.CheckpointBeside })
        {
            var spans = SendPath.Where(s => s.Kind == kind).ToList();
            parts.Add($"{spans.Count} × {kind}, longest {Longest(spans):F1} ms");
        }
        var inWindow = SendPath.Where(s => s.Overlaps(from, to)).GroupBy(s => s.Kind)
            .Select(g => $"{g.Key} {Longest(g):F1} ms");
        return string.Join("; ", parts) + "; in the largest stall, the longest " + string.Join(", ", inWindow.DefaultIfEmpty("none"));
    }

    private static double Longest(IEnumerable<SendPathSpan> spans) => spans.Select(s => s.Milliseconds).DefaultIfEmpty().Max();

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
