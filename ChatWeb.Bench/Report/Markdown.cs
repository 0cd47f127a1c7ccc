using System.Globalization;
using ChatWeb.Bench.Load;

namespace ChatWeb.Bench.Report;

/// <summary>How the report writes numbers: invariant culture, milliseconds to one decimal, ratios to two.</summary>
internal static class Markdown
{
    public static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    public static string Ratio(double a, double b) => b > 0 && !double.IsNaN(a) && !double.IsNaN(b) ? Invariant($"{a / b:F2}") : "—";

    public static string Met(bool met) => met ? "✅" : "❌";

    public static string Triple(LatencySummary s) => Invariant($"{s.P50:F1} / {s.P99:F1} / {s.P999:F1}");

    public static string Four(LatencySummary s) => Invariant($"{s.P50:F1} / {s.P99:F1} / {s.P999:F1} / {s.Max:F1}");

    public static string Ms(double ms) => Invariant($"{ms:F1}");

    /// <summary>A search's best rate; "(cap)" when it stopped at the highest rate it may try, so the rate is "at least".</summary>
    public static string Rate(LadderResult l) => Invariant($"{l.BestRate:N0}") + (l.ReachedCap ? " (cap)" : "");
}
