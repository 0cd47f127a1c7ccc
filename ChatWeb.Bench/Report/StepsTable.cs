using System.Text;
using ChatWeb.Bench.Load;
using ChatWeb.Bench.Scenarios;
using static ChatWeb.Bench.Report.Markdown;

namespace ChatWeb.Bench.Report;

/// <summary>Every step a server ran, in order: the first attempt decides; a retry is shown beside it and counts for nothing.</summary>
internal static class StepsTable
{
    public static void Append(StringBuilder md, TargetReport t, TimeSpan stepDuration)
    {
        md.AppendLine(Invariant($"{t.Name} steps ({stepDuration.TotalSeconds:F0} s each unless named):"));
        md.AppendLine();
        md.AppendLine("| phase | msg/s | users × msg/s each | send→deliver p50 / p99 / p99.9 / max (ms) | send→ack p99 (ms) | largest stall (ms) | first attempt | retry (not counted) |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        var direct = t.DirectBrowser is null ? "direct" : "direct, default options";
        foreach (var step in t.Direct.Steps)
        {
            md.AppendLine(Row(direct, step.First, step.Retry));
        }
        md.AppendLine(Row(Invariant($"fixed rate, {t.Fixed.Step.SendSeconds:F0} s"), t.Fixed.Step, null));
        md.AppendLine(Row(Invariant($"half load, {t.HalfRate.Step.SendSeconds:F0} s"), t.HalfRate.Step, null));
        foreach (var step in t.DirectBrowser?.Steps ?? [])
        {
            md.AppendLine(Row("direct, browser's option", step.First, step.Retry));
        }
        foreach (var step in t.FanOut.Steps)
        {
            md.AppendLine(Row(Invariant($"group of {t.GroupMembers}"), step.First, step.Retry));
        }
        md.AppendLine();
    }

    private static string Row(string phase, StepResult s, StepResult? retry) =>
        Invariant($"| {phase} | {s.TargetRate:N0} | {s.Users:N0} × {s.RatePerUser:0.##} | {Four(s.Deliver)} | {Ms(s.Ack.P99)} | {Ms(s.LargestStallMs)} | {s.Outcome} | ")
        + (retry is null ? "" : Invariant($"{retry.Outcome}: p99 {Ms(retry.Deliver.P99)}, stall {Ms(retry.LargestStallMs)}")) + " |";
}
