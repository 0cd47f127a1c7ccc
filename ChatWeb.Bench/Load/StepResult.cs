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
    LatencySummary Ack,
    LatencySummary Deliver,
    string? FirstError)
{
    /// <summary>Nothing lost, duplicated or unexplained: the correctness bar every run must pass.</summary>
    public bool Correct => Lost == 0 && Duplicates == 0 && Strays == 0 && Settled;

    /// <summary>Correct, nothing refused, and the receivers' p99 within the bound.</summary>
    public bool Sustained => Correct && Failed == 0 && Deliver.P99 <= BenchProfile.P99Bound.TotalMilliseconds;

    /// <summary>Acknowledged and delivered messages per second of the sending window.</summary>
    public double MessagesPerSecond => Acked / SendSeconds;

    public override string ToString() =>
        $"{Label} {TargetRate,8:F0}/s  acked {Acked}/{Planned}  failed {Failed}  lost {Lost}  dup {Duplicates}  " +
        $"ack p99 {Ack.P99:F1} ms  deliver p50 {Deliver.P50:F1} p99 {Deliver.P99:F1} p99.9 {Deliver.P999:F1} ms  " +
        (Sustained ? "ok" : "NOT sustained") + (FirstError is null ? "" : $"  ({FirstError})");
}
