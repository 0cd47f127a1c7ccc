using System.Globalization;
using System.Text;
using ChatWeb.Bench.Load;

namespace ChatWeb.Bench.Browser;

/// <summary>What the browser scenario found, and the rows it writes.</summary>
internal sealed record BrowserResults(
    BrowserBenchOptions Options, string Date, string Commit, string Machine, string LoadAverages, TimeSpan Duration,
    MemoryReading Empty, MemoryReading Half, MemoryReading Full,
    LatencySummary IdleTyping, double CpuMicrosPerLine, LatencySummary LoadedTyping, IReadOnlyList<StepResult> Background)
{
    /// <summary>What Microsoft's Blazor Server capacity guidance measured per user (ASP.NET Core docs, "Host and deploy Blazor Server").</summary>
    public const double PublishedKilobytesPerUser = 273;

    public double ResidentPerPage => (Full.ResidentBytes - Empty.ResidentBytes) / (double)Full.Pages;
    public double HeapPerPage => (Full.ManagedHeapBytes - Empty.ManagedHeapBytes) / (double)Full.Pages;
    public double ResidentSlope => (Full.ResidentBytes - Half.ResidentBytes) / (double)(Full.Pages - Half.Pages);
    public double HeapSlope => (Full.ManagedHeapBytes - Half.ManagedHeapBytes) / (double)(Full.Pages - Half.Pages);

    public string Render()
    {
        var md = new StringBuilder();
        var background = Background.Where(s => s.Acked > 0).ToList();
        var acked = background.Sum(s => s.Acked);
        var seconds = background.Sum(s => s.SendSeconds);
        var deliverP99 = background.Count == 0 ? double.NaN : background.Max(s => s.Deliver.P99);
        md.AppendLine(I($"Run: {Date}, commit `{Commit}`, {Machine}, {Duration.TotalMinutes:F1} min."));
        md.AppendLine(I($"Command: `dotnet run -c Release --project ChatWeb.Bench -- browser --pages {Options.Pages} --pairs {Options.Pairs} --lines {Options.LinesPerPair} --background-users {Options.BackgroundUsers} --background-rate {Options.BackgroundRate}`."));
        md.AppendLine(I($"Machine load (1-minute average, 2 cores): {LoadAverages}."));
        md.AppendLine();
        md.AppendLine("| figure | ChatWeb | for comparison |");
        md.AppendLine("|---|---|---|");
        md.AppendLine(I($"| server memory per signed-in chat page (circuit + its hub connection + a conversation), resident set, (at {Full.Pages} − at 0) ÷ {Full.Pages} | {ResidentPerPage / 1024:N0} KiB | Blazor's published ~{PublishedKilobytesPerUser:N0} KB per user |"));
        md.AppendLine(I($"| … managed heap after a forced full collection, (at {Full.Pages} − at 0) ÷ {Full.Pages} | {HeapPerPage / 1024:N0} KiB | |"));
        md.AppendLine(I($"| … from {Half.Pages} to {Full.Pages} pages (no one-time costs): resident / managed heap | {ResidentSlope / 1024:N0} / {HeapSlope / 1024:N0} KiB | |"));
        md.AppendLine(I($"| server memory at 0 / {Half.Pages} / {Full.Pages} pages: resident (MiB) | {Mib(Empty.ResidentBytes)} / {Mib(Half.ResidentBytes)} / {Mib(Full.ResidentBytes)} | |"));
        md.AppendLine(I($"| … managed heap (MiB) | {Mib(Empty.ManagedHeapBytes)} / {Mib(Half.ManagedHeapBytes)} / {Mib(Full.ManagedHeapBytes)} | |"));
        md.AppendLine(I($"| browser to browser (typed → shown), idle server, {Full.Pages} pages open: p50 / p99 / max (ms), {IdleTyping.Count} lines | {IdleTyping.P50:F0} / {IdleTyping.P99:F0} / {IdleTyping.Max:F0} | |"));
        md.AppendLine(I($"| server CPU per typed line, browser to browser (both circuits, the send, the push; idle cost subtracted) | {CpuMicrosPerLine:N0} µs | a hub client's direct message: the run above |"));
        md.AppendLine(I($"| browser to browser with a background hub load of {Options.BackgroundRate:N0} msg/s: p50 / p99 / max (ms), {LoadedTyping.Count} lines | {LoadedTyping.P50:F0} / {LoadedTyping.P99:F0} / {LoadedTyping.Max:F0} | |"));
        md.AppendLine(I($"| the background load meanwhile: acknowledged msg/s, worst step's send→deliver p99 (ms) | {acked / Math.Max(seconds, 1e-9):N0}, {deliverP99:F1} | asked: {Options.BackgroundRate:N0} msg/s |"));
        return md.ToString();
    }

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture);

    private static string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
