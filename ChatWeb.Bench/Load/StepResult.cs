namespace ChatWeb.Bench.Load;

/// <summary>One open-loop step at a fixed rate, judged after every message settled.</summary>
internal sealed record StepResult(
    string Label,
    double TargetRate,
    int Planned,
    int Acked,
    int Failed,
    int Lost,
    int Duplicates,
    int Strays,
    bool Settled,
    double SendSeconds,
    int DeliveriesPerMessage,
    int Users,
    LatencySummary Ack,
    LatencySummary Deliver,
    double LargestStallMs,
    bool StoppedEarly,
    string? FirstError)
{
    /// <summary>When the largest stall began (UTC), to find what the server's runtime was doing then.</summary>
    public DateTime LargestStallFromUtc { get; init; }

    /// <summary>Nothing lost, duplicated or unexplained: the correctness bar every run must pass.</summary>
    public bool Correct => Lost == 0 && Duplicates == 0 && Strays == 0 && Settled;

    /// <summary>Correct, nothing refused, and the receivers' p99 within the bound.</summary>
    public bool Sustained => Correct && Failed == 0 && !StoppedEarly && Deliver.P99 <= BenchProfile.P99Bound.TotalMilliseconds;

    /// <summary>Acknowledged and delivered messages per second of the sending window.</summary>
    public double MessagesPerSecond => Acked / SendSeconds;

    /// <summary>What each sender sent per second.</summary>
    public double RatePerUser => TargetRate / Math.Max(1, Users);

    /// <summary>Why a step did not hold, in a few words; "ok" when it did.</summary>
    public string Outcome => (Sustained, Correct) switch
    {
        (true, _) => "ok",
        (_, false) => $"INCORRECT: {Lost} lost, {Duplicates} duplicated, {Strays} unexplained" + (Settled ? "" : ", unsettled"),
        _ when Failed > 0 => $"{Failed} refused",
        _ => "p99 over",
    } + (StoppedEarly ? $", stopped after {SendSeconds:F1} s" : "");

    public override string ToString() =>
        $"{Label} {TargetRate,8:F0}/s  {Users} users  acked {Acked}/{Planned}  failed {Failed}  lost {Lost}  dup {Duplicates}  " +
        $"ack p99 {Ack.P99:F1} ms  deliver p50 {Deliver.P50:F1} p99 {Deliver.P99:F1} p99.9 {Deliver.P999:F1} max {Deliver.Max:F1} ms  " +
        $"stall {LargestStallMs:F1} ms  {Outcome}" + (FirstError is null ? "" : $"  ({FirstError})");
}
