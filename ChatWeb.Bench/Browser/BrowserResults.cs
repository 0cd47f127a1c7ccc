using System.Globalization;
using System.Text;
using ChatWeb.Bench.Load;

namespace ChatWeb.Bench.Browser;

/// <summary>The typing half of the browser scenario: idle, its server CPU per line, and under a background hub load.</summary>
internal sealed record TypingResults(LatencySummary Idle, double CpuMicrosPerLine, LatencySummary Loaded, IReadOnlyList<StepResult> Background);

/// <summary>What the browser scenario found, and the rows it writes.</summary>
internal sealed record BrowserResults(
    BrowserBenchOptions Options, string Date, string Commit, string Machine,
    MemoryReading Empty, MemoryReading Half, MemoryReading Full)
{
    /// <summary>What Microsoft's Blazor Server capacity guidance measured per user (ASP.NET Core docs, "Host and deploy Blazor Server").</summary>
    public const double PublishedKilobytesPerUser = 273;

    public string LoadAverages { get; init; } = "?";
    public TimeSpan Duration { get; init; }

    /// <summary>Every page with its conversation open (not read with --memory-only).</summary>
    public MemoryReading? Conversations { get; init; }

    public TypingResults? Typing { get; init; }

    public double ResidentPerPage => PerPage(Empty, Full, r => r.ResidentBytes);
    public double HeapPerPage => PerPage(Empty, Full, r => r.ManagedHeapBytes);
    public double ResidentSlope => PerPage(Half, Full, r => r.ResidentBytes);
    public double HeapSlope => PerPage(Half, Full, r => r.ManagedHeapBytes);

    public string Render()
    {
        var md = new StringBuilder();
        md.AppendLine(I($"Run: {Date}, commit `{Commit}`, {Machine}, {Duration.TotalMinutes:F1} min."));
        md.AppendLine(I($"Command: `{Options.CommandLine()}`."));
        md.AppendLine(I($"Machine load (1-minute average, 2 cores): {LoadAverages}; at the readings {Empty.LoadAverage} / {Half.LoadAverage} / {Full.LoadAverage}."));
        md.AppendLine();
        md.AppendLine("| figure | ChatWeb | for comparison |");
        md.AppendLine("|---|---|---|");
        md.AppendLine(I($"| server memory per signed-in chat page (thread list, no conversation open), resident set, at the margin: (at {Full.Pages} − at {Half.Pages}) ÷ {Full.Pages - Half.Pages} | {ResidentSlope / 1024:N0} KiB | Blazor's published ~{PublishedKilobytesPerUser:N0} KB per user |"));
        md.AppendLine(I($"| … managed heap after a forced full collection, at the margin | {HeapSlope / 1024:N0} KiB | |"));
        md.AppendLine(I($"| … on average, (at {Full.Pages} − at 0) ÷ {Full.Pages} (with one-time costs): resident / managed heap | {ResidentPerPage / 1024:N0} / {HeapPerPage / 1024:N0} KiB | |"));
        md.AppendLine(I($"| server memory at 0 / {Half.Pages} / {Full.Pages} pages: resident (MiB) | {Mib(Empty.ResidentBytes)} / {Mib(Half.ResidentBytes)} / {Mib(Full.ResidentBytes)} | |"));
        md.AppendLine(I($"| … managed heap (MiB) | {Mib(Empty.ManagedHeapBytes)} / {Mib(Half.ManagedHeapBytes)} / {Mib(Full.ManagedHeapBytes)} | |"));
        if (Conversations is { } open)
        {
            md.AppendLine(I($"| … with each page's conversation open (12 messages): (at {open.Pages} − at 0) ÷ {open.Pages}, resident / managed heap | {PerPage(Empty, open, r => r.ResidentBytes) / 1024:N0} / {PerPage(Empty, open, r => r.ManagedHeapBytes) / 1024:N0} KiB | |"));
        }
        if (Typing is { } typing)
        {
            var background = typing.Background.Where(s => s.Acked > 0).ToList();
            var acked = background.Sum(s => s.Acked);
            var seconds = background.Sum(s => s.SendSeconds);
            var deliverP99 = background.Count == 0 ? double.NaN : background.Max(s => s.Deliver.P99);
            md.AppendLine(I($"| browser to browser (typed → shown), idle server, {Full.Pages} pages open: p50 / p99 / max (ms), {typing.Idle.Count} lines | {typing.Idle.P50:F0} / {typing.Idle.P99:F0} / {typing.Idle.Max:F0} | |"));
            md.AppendLine(I($"| server CPU per typed line, browser to browser (both circuits, the send, the push; idle cost subtracted) | {typing.CpuMicrosPerLine:N0} µs | a hub client's direct message: the run above |"));
            md.AppendLine(I($"| browser to browser with a background hub load of {Options.BackgroundRate:N0} msg/s: p50 / p99 / max (ms), {typing.Loaded.Count} lines | {typing.Loaded.P50:F0} / {typing.Loaded.P99:F0} / {typing.Loaded.Max:F0} | |"));
            md.AppendLine(I($"| the background load meanwhile: acknowledged msg/s, worst step's send→deliver p99 (ms) | {acked / Math.Max(seconds, 1e-9):N0}, {deliverP99:F1} | asked: {Options.BackgroundRate:N0} msg/s |"));
        }
        return md.ToString();
    }

    private static double PerPage(MemoryReading from, MemoryReading to, Func<MemoryReading, long> bytes) =>
        (bytes(to) - bytes(from)) / (double)(to.Pages - from.Pages);

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture);

    private static string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
