using System.Text;
using ChatWeb.Bench.Scenarios;
using static ChatWeb.Bench.Report.Markdown;

namespace ChatWeb.Bench.Report;

/// <summary>
/// The run as Markdown: the goals checked, then each figure beside the bare relay's and as a ratio,
/// then every step of both servers.
/// </summary>
internal static class ResultsTable
{
    public static string Render(RunReport r)
    {
        var (app, relay) = (r.App, r.Relay);
        var md = new StringBuilder();
        md.AppendLine(Invariant($"Run: {r.Date}, commit `{r.Commit}`, {r.Machine}, profile `{r.Profile.Name}`, {r.Duration.TotalMinutes:F1} min."));
        md.AppendLine(Invariant($"Command: `{r.Command}`. Machine load (1-minute average, 2 cores): {r.LoadAverages}."));
        md.AppendLine();
        GoalChecks.Append(md, r);

        md.AppendLine("| # | figure | ChatWeb | bare relay | ratio |");
        md.AppendLine("|---|---|---|---|---|");
        var relayRate = relay.Direct.BestRate;
        var users = Invariant($"{app.DirectUsers:N0} users, ≤ {BenchProfile.DirectRatePerUser:F0} msg/s each");
        md.AppendLine(Invariant($"| 1 | direct messages/s sustained (first attempt, p99 send→deliver ≤ 50 ms), persisted + delivered, {users}, default options | {Rate(app.Direct)} | {Rate(relay.Direct)} | {Ratio(app.Direct.BestRate, relayRate)} |"));
        if (app.DirectBrowser is { } browser)
        {
            md.AppendLine(Invariant($"| 1 | … with the browser's option (`threadUpdatedOnMessage=false`: no `ThreadUpdated` per message) | {Rate(browser)} | {Rate(relay.Direct)} | {Ratio(browser.BestRate, relayRate)} |"));
        }

        AppendFixedRate(md, app.Fixed, relay.Fixed);
        AppendHalfLoad(md, app.HalfRate, relay.HalfRate);

        var appFan = app.FanOut.BestRate * app.GroupMembers;
        var relayFan = relay.FanOut.BestRate * relay.GroupMembers;
        md.AppendLine(Invariant($"| 3 | group fan-out, {app.GroupMembers} members, browser's option: deliveries/s, p99 ≤ 50 ms | {appFan:N0}{Cap(app.FanOut)} | {relayFan:N0}{Cap(relay.FanOut)} | {Ratio(appFan, relayFan)} |"));

        md.AppendLine(Invariant($"| 4 | server memory per idle connected user, {app.Memory.Connections:N0} connections, default options (KiB) | {Kib(app.Memory)} | {Kib(relay.Memory)} | {Ratio(app.Memory.BytesPerConnection, relay.Memory.BytesPerConnection)} |"));
        md.AppendLine("| 4 | memory per Blazor circuit | not measured: a circuit needs a browser (see below) | — | — |");

        var h = r.History;
        md.AppendLine(Invariant($"| 5 | history: newest page (50) of a {h.ThreadMessages:N0}-message thread, p50 / p99 (ms) | {h.FirstPage.P50:F2} / {h.FirstPage.P99:F2} | — | — |"));
        md.AppendLine(Invariant($"| 5 | history: a page from the middle of that thread, p50 / p99 (ms) | {h.DeepPage.P50:F2} / {h.DeepPage.P99:F2} | — | — |"));

        var raw = r.Raw;
        var appRate = app.Direct.BestRate;
        md.AppendLine(Invariant($"| 6 | storage: messages/s the send path commits (figure 1, default options) ÷ raw inserts, one row per transaction | {appRate:N0} | {raw.SingleRowPerSecond:N0} raw | {Ratio(appRate, raw.SingleRowPerSecond)} |"));
        md.AppendLine(Invariant($"| 6 | … ÷ raw inserts, {raw.BatchSize} rows per transaction | {appRate:N0} | {raw.BatchedPerSecond:N0} raw | {Ratio(appRate, raw.BatchedPerSecond)} |"));
        md.AppendLine(Invariant($"| 6 | one-row commit latency (the disk's fsync), p50 / p99 (ms) | | {raw.Commit.P50:F1} / {raw.Commit.P99:F1} raw | |"));
        md.AppendLine();
        md.AppendLine(Invariant($"SQLite pragmas (server defaults, raw inserts the same): {raw.Pragmas}."));
        md.AppendLine();
        StepsTable.Append(md, app, r.Profile.StepDuration);
        StepsTable.Append(md, relay, r.Profile.StepDuration);
        return md.ToString();
    }

    private static void AppendFixedRate(StringBuilder md, MeasuredStep app, MeasuredStep relay)
    {
        var (a, b) = (app.Step, relay.Step);
        var at = Invariant($"{a.TargetRate:N0} msg/s for {a.SendSeconds:F0} s, default options");
        md.AppendLine(Invariant($"| 2 | {at}: send→deliver p50 / p99 / p99.9 / max (ms) | {Four(a.Deliver)} | {Four(b.Deliver)} | {Ratio(a.Deliver.P50, b.Deliver.P50)} / {Ratio(a.Deliver.P99, b.Deliver.P99)} / {Ratio(a.Deliver.P999, b.Deliver.P999)} / {Ratio(a.Deliver.Max, b.Deliver.Max)} |"));
        md.AppendLine(Invariant($"| 2 | {at}: largest stall (ms) | {Ms(a.LargestStallMs)} | {Ms(b.LargestStallMs)} | {Ratio(a.LargestStallMs, b.LargestStallMs)} |"));
        md.AppendLine(Invariant($"| 2 | {at}: server CPU per message (µs, idle cost subtracted) | {app.CpuMicrosPerMessage:N0} | {relay.CpuMicrosPerMessage:N0} | {Ratio(app.CpuMicrosPerMessage, relay.CpuMicrosPerMessage)} |"));
        AppendRuntime(md, at, app, relay);
    }

    /// <summary>What the servers' runtimes did during the step (<see cref="Diagnostics.RuntimeWatch"/>): the evidence for where a stall came from.</summary>
    private static void AppendRuntime(StringBuilder md, string at, MeasuredStep app, MeasuredStep relay)
    {
        var (a, b) = (app.Runtime, relay.Runtime);
        double Alloc(MeasuredStep m) => m.Runtime.AllocatedBytes / 1024.0 / Math.Max(1, m.Step.Acked);
        string Pauses(Diagnostics.RuntimeReport r, MeasuredStep m) =>
            Invariant($"{r.Collections(0)} / {r.Collections(1)} / {r.Collections(2)}+{r.BackgroundCollections}; {r.TotalPauseMs / Math.Max(1, m.Step.SendSeconds) / 10:F1}%; {r.LongestPauseMs:F1} ms");
        md.AppendLine(Invariant($"| 2 | {at}: server allocations per message (KiB) | {Alloc(app):F1} | {Alloc(relay):F1} | {Ratio(Alloc(app), Alloc(relay))} |"));
        md.AppendLine(Invariant($"| 2 | {at}: collections gen0 / gen1 / gen2+background; time paused; longest pause | {Pauses(a, app)} | {Pauses(b, relay)} | |"));
        md.AppendLine(Invariant($"| 2 | {at}: of the largest stall, paused by the server's collector (ms) | {app.PausedInLargestStallMs:F1} of {app.Step.LargestStallMs:F1} | {relay.PausedInLargestStallMs:F1} of {relay.Step.LargestStallMs:F1} | |"));
        md.AppendLine(Invariant($"| 2 | {at}: … by the bench's own collector, its clients paused (ms); its time paused | {app.BenchPausedInLargestStallMs:F1}; {app.Bench.TotalPauseMs / Math.Max(1, app.Step.SendSeconds) / 10:F1}% | {relay.BenchPausedInLargestStallMs:F1}; {relay.Bench.TotalPauseMs / Math.Max(1, relay.Step.SendSeconds) / 10:F1}% | |"));
        md.AppendLine(Invariant($"| 2 | {at}: lock waits (count, total ms); thread-pool starvation injections | {a.ContentionMs.Count:N0}, {a.ContentionMs.Sum():F0}; {a.StarvationInjections} | {b.ContentionMs.Count:N0}, {b.ContentionMs.Sum():F0}; {b.StarvationInjections} | |"));
        var stallFrom = app.Step.LargestStallFromUtc;
        md.AppendLine(Invariant($"| 2 | {at}: send path (ChatWeb's `ChatWeb-SendPath` events) | {a.DescribeSendPath(stallFrom, stallFrom.AddMilliseconds(app.Step.LargestStallMs))} | — | |"));
    }

    private static void AppendHalfLoad(StringBuilder md, MeasuredStep app, MeasuredStep relay)
    {
        var (a, b) = (app.Step, relay.Step);
        var at = Invariant($"half load, {a.TargetRate:N0} msg/s for {a.SendSeconds:F0} s");
        md.AppendLine(Invariant($"| 2 | {at}: send→deliver p50 / p99 / p99.9 (ms) | {Triple(a.Deliver)} | {Triple(b.Deliver)} | {Ratio(a.Deliver.P50, b.Deliver.P50)} / {Ratio(a.Deliver.P99, b.Deliver.P99)} / {Ratio(a.Deliver.P999, b.Deliver.P999)} |"));
        md.AppendLine(Invariant($"| 2 | {at}: send→ack p50 / p99 / p99.9 (ms) | {Triple(a.Ack)} | {Triple(b.Ack)} | {Ratio(a.Ack.P50, b.Ack.P50)} / {Ratio(a.Ack.P99, b.Ack.P99)} / {Ratio(a.Ack.P999, b.Ack.P999)} |"));
        md.AppendLine(Invariant($"| 2 | {at}: largest stall (ms) | {Ms(a.LargestStallMs)} | {Ms(b.LargestStallMs)} | {Ratio(a.LargestStallMs, b.LargestStallMs)} |"));
        md.AppendLine(Invariant($"| 2 | {at}: server CPU per message (µs, idle cost subtracted) | {app.CpuMicrosPerMessage:N0} | {relay.CpuMicrosPerMessage:N0} | {Ratio(app.CpuMicrosPerMessage, relay.CpuMicrosPerMessage)} |"));
        AppendRuntime(md, at, app, relay);
    }

    private static string Cap(Load.LadderResult l) => l.ReachedCap ? " (cap)" : "";

    private static string Kib(MemoryResult m) => Invariant($"{m.BytesPerConnection / 1024:F1}");
}
