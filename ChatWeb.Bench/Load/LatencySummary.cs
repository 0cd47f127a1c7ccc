using HdrHistogram;

namespace ChatWeb.Bench.Load;

/// <summary>Percentiles in milliseconds, read from a histogram recorded in microseconds.</summary>
internal sealed record LatencySummary(long Count, double P50, double P99, double P999, double Max)
{
    public static LongConcurrentHistogram NewHistogram() => new(1, 120_000_000, 3);

    /// <summary>
    /// Read from a copy: a step that did not settle in time is summarized while late deliveries
    /// still record, and reading the maximum enumerates the counts, which a recording would change.
    /// </summary>
    public static LatencySummary From(HistogramBase recording)
    {
        var h = recording.Copy();
        return h.TotalCount == 0
            ? new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN)
            : new LatencySummary(h.TotalCount, Ms(h.GetValueAtPercentile(50)), Ms(h.GetValueAtPercentile(99)),
                Ms(h.GetValueAtPercentile(99.9)), Ms(h.GetMaxValue()));
    }

    private static double Ms(long micros) => micros / 1000.0;
}
