using System.Globalization;
using System.Text;
using ChatWeb.Bench.Load;
using ChatWeb.Bench.Scenarios;

namespace ChatWeb.Bench.Report;

/// <summary>The figures as a Markdown table: each beside the bare relay's and as a ratio.</summary>
internal static class ResultsTable
{
    public static string Render(RunReport r)
    {
        var (app, relay) = (r.App, r.Relay);
        var md = new StringBuilder();
        md.AppendLine(Invariant($"Run: {r.Date}, commit `{r.Commit}`, {r.Machine}, profile `{r.Profile.Name}`, {r.Duration.TotalMinutes:F1} min."));
        md.AppendLine(Invariant($"Command: `{r.Command}`. Machine load (1-minute average, 2 cores): {r.LoadAverages}."));
        md.AppendLine();
        md.AppendLine("| # | figure | ChatWeb | bare relay | ratio | goal |");
        md.AppendLine("|---|---|---|---|---|---|");

        var appRate = app.Direct.BestRate;
        var relayRate = relay.Direct.BestRate;
        md.AppendLine(Invariant($"| 1 | direct messages/s, persisted + delivered, p99 send→deliver ≤ 50 ms, {app.DirectUsers} users | {Rate(app.Direct)} | {Rate(relay.Direct)} | {Ratio(appRate, relayRate)} | ≥ 0.70 {Met(appRate >= 0.7 * relayRate)} |"));

        var (ha, hr) = (app.HalfRate, relay.HalfRate);
        md.AppendLine(Invariant($"| 2 | send→deliver p50 / p99 / p99.9 at {ha.TargetRate:N0} msg/s (ms) | {Triple(ha.Deliver)} | {Triple(hr.Deliver)} | {Ratio(ha.Deliver.P50, hr.Deliver.P50)} / {Ratio(ha.Deliver.P99, hr.Deliver.P99)} / {Ratio(ha.Deliver.P999, hr.Deliver.P999)} | p99 ≤ 5× {Met(ha.Deliver.P99 <= 5 * hr.Deliver.P99)} |"));
        md.AppendLine(Invariant($"| 2 | send→ack p50 / p99 / p99.9 at {ha.TargetRate:N0} msg/s (ms) | {Triple(ha.Ack)} | {Triple(hr.Ack)} | {Ratio(ha.Ack.P50, hr.Ack.P50)} / {Ratio(ha.Ack.P99, hr.Ack.P99)} / {Ratio(ha.Ack.P999, hr.Ack.P999)} | p99 ≤ 5× {Met(ha.Ack.P99 <= 5 * hr.Ack.P99)} |"));

        md.AppendLine(Invariant($"| 2 | server CPU per direct message at {ha.TargetRate:N0} msg/s (µs, idle cost subtracted) | {app.CpuMicrosPerMessage:N0} | {relay.CpuMicrosPerMessage:N0} | {Ratio(app.CpuMicrosPerMessage, relay.CpuMicrosPerMessage)} | |"));

        var appFan = app.FanOut.BestRate * app.GroupMembers;
        var relayFan = relay.FanOut.BestRate * relay.GroupMembers;
        md.AppendLine(Invariant($"| 3 | group fan-out, {app.GroupMembers} members: deliveries/s, p99 ≤ 50 ms | {appFan:N0}{Cap(app.FanOut)} | {relayFan:N0}{Cap(relay.FanOut)} | {Ratio(appFan, relayFan)} | |"));

        md.AppendLine(Invariant($"| 4 | server memory per idle connected user, {app.Memory.Connections:N0} connections (KiB) | {Kib(app.Memory)} | {Kib(relay.Memory)} | {Ratio(app.Memory.BytesPerConnection, relay.Memory.BytesPerConnection)} | |"));
        md.AppendLine("| 4 | memory per Blazor circuit | not measured: a circuit needs a browser (see below) | — | — | |");

        var h = r.History;
        md.AppendLine(Invariant($"| 5 | history: newest page (50) of a {h.ThreadMessages:N0}-message thread, p50 / p99 (ms) | {h.FirstPage.P50:F2} / {h.FirstPage.P99:F2} | — | — | |"));
        md.AppendLine(Invariant($"| 5 | history: a page from the middle of that thread, p50 / p99 (ms) | {h.DeepPage.P50:F2} / {h.DeepPage.P99:F2} | — | — | |"));

        var raw = r.Raw;
        md.AppendLine(Invariant($"| 6 | storage: messages/s the send path commits (figure 1) ÷ raw inserts, one row per transaction | {appRate:N0} | {raw.SingleRowPerSecond:N0} raw | {Ratio(appRate, raw.SingleRowPerSecond)} | |"));
        md.AppendLine(Invariant($"| 6 | … ÷ raw inserts, {raw.BatchSize} rows per transaction | {appRate:N0} | {raw.BatchedPerSecond:N0} raw | {Ratio(appRate, raw.BatchedPerSecond)} | |"));
        md.AppendLine(Invariant($"| 6 | one-row commit latency (the disk's fsync), p50 / p99 (ms) | | {raw.Commit.P50:F1} / {raw.Commit.P99:F1} raw | | |"));
        md.AppendLine(Invariant($"| ✓ | correctness: acknowledged messages checked / deliveries checked | {r.MessagesChecked:N0} / {r.DeliveriesChecked:N0} | | | 0 lost, 0 duplicated {Met(r.Correct)} |"));
        md.AppendLine();
        md.AppendLine(Invariant($"SQLite pragmas (server defaults, raw inserts the same): {raw.Pragmas}."));
        md.AppendLine();
        AppendSteps(md, app);
        AppendSteps(md, relay);
        return md.ToString();
    }

    private static void AppendSteps(StringBuilder md, TargetReport t)
    {
        md.AppendLine(Invariant($"{t.Name} steps (rate msg/s: send→deliver p99 ms, send→ack p99 ms, result):"));
        var steps = t.Direct.Steps.Select(s => Step("direct", s)).Append(Step("half", t.HalfRate)).Concat(t.FanOut.Steps.Select(s => Step("group", s)));
        md.AppendLine(string.Join("; ", steps) + ".");
        md.AppendLine();
    }

    private static string Step(string kind, StepResult s) =>
        Invariant($"{kind} {s.TargetRate:F0}: {s.Deliver.P99:F1}, {s.Ack.P99:F1}, {(s.Sustained ? "ok" : s.Failed > 0 ? $"{s.Failed} failed" : "over")}");

    private static string Rate(LadderResult l) => Invariant($"{l.BestRate:N0}{Cap(l)}");

    private static string Cap(LadderResult l) => l.ReachedCap ? " (cap)" : "";

    private static string Triple(LatencySummary s) => Invariant($"{s.P50:F1} / {s.P99:F1} / {s.P999:F1}");

    private static string Kib(MemoryResult m) => Invariant($"{m.BytesPerConnection / 1024:F1}");

    private static string Ratio(double a, double b) => b > 0 && !double.IsNaN(a) ? Invariant($"{a / b:F2}") : "—";

    private static string Met(bool met) => met ? "✅" : "❌";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
