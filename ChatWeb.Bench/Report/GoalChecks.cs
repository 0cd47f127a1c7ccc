using System.Text;
using static ChatWeb.Bench.Report.Markdown;

namespace ChatWeb.Bench.Report;

/// <summary>
/// The send path's goals, checked against this run's first attempts, with the chat server connected
/// with the default options: what docs/performance.md states as the goals.
/// </summary>
internal static class GoalChecks
{
    public const double MinimumDirectRate = 5_000;
    public const double MinimumShareOfRelay = 0.7;
    public const double MaximumP99OverRelay = 5;

    /// <summary>The fixed-rate step the goals name; other profiles run their own and say so.</summary>
    public const double GoalFixedRate = 4_000;
    public static readonly TimeSpan GoalFixedDuration = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan GoalStepDuration = TimeSpan.FromSeconds(15);

    public static void Append(StringBuilder md, RunReport r)
    {
        var (app, relay) = (r.App, r.Relay);
        var fixedStep = Invariant($"{app.Fixed.Step.TargetRate:N0} msg/s for {r.Profile.FixedDuration.TotalSeconds:F0} s");
        md.AppendLine("Goals, first attempts only, ChatWeb with the default options:");
        md.AppendLine();
        md.AppendLine("| goal | ChatWeb | bare relay | met |");
        md.AppendLine("|---|---|---|---|");

        var (appRate, relayRate) = (app.Direct.BestRate, relay.Direct.BestRate);
        md.AppendLine(Invariant($"| direct messages sustained (p99 send→deliver ≤ 50 ms) ≥ {MinimumDirectRate:N0} msg/s | {Rate(app.Direct)} | {Rate(relay.Direct)} | {Met(appRate >= MinimumDirectRate)} |"));
        // A relay at its cap sustained at least that much: the share is then an upper bound, and only a miss is certain.
        var share = relayRate > 0 ? appRate / relayRate : 0;
        var shareMet = share < MinimumShareOfRelay ? Met(false) : relay.Direct.ReachedCap ? "? (the relay reached its cap)" : Met(true);
        md.AppendLine(Invariant($"| … and ≥ {MinimumShareOfRelay:F2} of the relay's | {Ratio(appRate, relayRate)} | 1.00 | {shareMet} |"));

        var (ap, rp) = (app.Fixed.Step.Deliver.P99, relay.Fixed.Step.Deliver.P99);
        md.AppendLine(Invariant($"| {fixedStep}: p99 send→deliver ≤ {MaximumP99OverRelay:F0}× the relay's (ms) | {Ms(ap)} ({Ratio(ap, rp)}×) | {Ms(rp)} | {Met(ap <= MaximumP99OverRelay * rp)} |"));
        var stall = app.Fixed.Step.LargestStallMs;
        md.AppendLine(Invariant($"| {fixedStep}: no stall over {BenchProfile.StallBound.TotalMilliseconds:F0} ms (largest, ms) | {Ms(stall)} | {Ms(relay.Fixed.Step.LargestStallMs)} | {Met(stall <= BenchProfile.StallBound.TotalMilliseconds)} |"));
        md.AppendLine(Invariant($"| nothing lost or duplicated (acknowledged messages / deliveries checked, both servers) | {r.MessagesChecked:N0} / {r.DeliveriesChecked:N0} | | {Met(r.Correct)} |"));
        md.AppendLine();
        if (app.Fixed.Step.TargetRate != GoalFixedRate || r.Profile.FixedDuration != GoalFixedDuration || r.Profile.StepDuration < GoalStepDuration)
        {
            md.AppendLine(Invariant($"Profile `{r.Profile.Name}` does not run the goals' conditions ({GoalFixedRate:N0} msg/s for {GoalFixedDuration.TotalSeconds:F0} s, search steps of {GoalStepDuration.TotalSeconds:F0} s): these checks show the format, not the goals."));
            md.AppendLine();
        }
    }
}
