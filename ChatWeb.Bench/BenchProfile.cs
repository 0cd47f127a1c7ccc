namespace ChatWeb.Bench;

/// <summary>How big a run is. The full run is what docs/performance.md reports; smoke proves the bench still works.</summary>
internal sealed record BenchProfile(
    string Name,
    int DirectUsers,
    int IdleConnections,
    int GroupMembers,
    int HistoryMessages,
    TimeSpan StepDuration,
    double StartRate,
    bool SearchForMaximum,
    int RefineSteps,
    TimeSpan HalfRateDuration,
    double GroupStartRate,
    int HistoryCalls,
    TimeSpan RawInsertDuration,
    TimeSpan MemorySettle,
    int MemorySamples,
    TimeSpan WarmUp)
{
    /// <summary>Below the hub's 20 messages/s per user, so the rate limit never refuses a bench send.</summary>
    public const double MaxRatePerSender = 18;

    /// <summary>The latency bound a rate must keep to count as sustained.</summary>
    public static readonly TimeSpan P99Bound = TimeSpan.FromMilliseconds(50);

    public static readonly BenchProfile Full = new(
        "full", DirectUsers: 500, IdleConnections: 2_000, GroupMembers: 100, HistoryMessages: 1_000_000,
        StepDuration: TimeSpan.FromSeconds(4), StartRate: 250, SearchForMaximum: true, RefineSteps: 4,
        HalfRateDuration: TimeSpan.FromSeconds(10), GroupStartRate: 20, HistoryCalls: 2_000,
        RawInsertDuration: TimeSpan.FromSeconds(3), MemorySettle: TimeSpan.FromSeconds(3), MemorySamples: 5,
        WarmUp: TimeSpan.FromSeconds(8));

    /// <summary>Seconds, tiny numbers: 10 users and 200 direct messages per server, a 5-member group.</summary>
    public static readonly BenchProfile Smoke = new(
        "smoke", DirectUsers: 10, IdleConnections: 20, GroupMembers: 5, HistoryMessages: 2_000,
        StepDuration: TimeSpan.FromSeconds(2), StartRate: 100, SearchForMaximum: false, RefineSteps: 0,
        HalfRateDuration: TimeSpan.FromSeconds(1), GroupStartRate: 20, HistoryCalls: 50,
        RawInsertDuration: TimeSpan.FromMilliseconds(300), MemorySettle: TimeSpan.FromMilliseconds(300), MemorySamples: 1,
        WarmUp: TimeSpan.Zero);

    /// <summary>Users seeded: enough for the idle-memory phase, which needs the most.</summary>
    public int SeededUsers => Math.Max(IdleConnections, Math.Max(DirectUsers, GroupMembers));
}
