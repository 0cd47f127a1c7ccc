namespace ChatWeb.Bench;

/// <summary>
/// How big a run is. The full run is what docs/performance.md reports; quick runs the full run's
/// phases at smoke sizes (to check the flow and the docs writer); smoke proves the bench still works.
/// </summary>
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
    bool RetryMisses,
    double FixedRate,
    TimeSpan FixedDuration,
    TimeSpan HalfRateDuration,
    double GroupStartRate,
    int HistoryCalls,
    TimeSpan RawInsertDuration,
    TimeSpan MemorySettle,
    int MemorySamples,
    TimeSpan WarmUp)
{
    /// <summary>
    /// What one bench user sends at most in a direct-message step: under the hub's per-user limit
    /// (20/s sustained, bursts of 40) with room for a late burst, so the limiter never decides a step.
    /// </summary>
    public const double DirectRatePerUser = 15;

    /// <summary>What one member of the fan-out group sends at most (the members take turns).</summary>
    public const double GroupRatePerMember = 18;

    /// <summary>The latency bound a rate must keep to count as sustained.</summary>
    public static readonly TimeSpan P99Bound = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest stall the fixed-rate step may show (docs/performance.md, "largest stall").</summary>
    public static readonly TimeSpan StallBound = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// 2,000 users, the same people as the idle-memory figure (so no sign-in more): at 15/s each
    /// the search may climb to 30,000 msg/s, beyond what either server reaches on two cores.
    /// </summary>
    public static readonly BenchProfile Full = new(
        "full", DirectUsers: 2_000, IdleConnections: 2_000, GroupMembers: 100, HistoryMessages: 1_000_000,
        StepDuration: TimeSpan.FromSeconds(15), StartRate: 1_000, SearchForMaximum: true, RefineSteps: 4, RetryMisses: true,
        FixedRate: 4_000, FixedDuration: TimeSpan.FromSeconds(60), HalfRateDuration: TimeSpan.FromSeconds(15),
        GroupStartRate: 225, HistoryCalls: 2_000,
        RawInsertDuration: TimeSpan.FromSeconds(3), MemorySettle: TimeSpan.FromSeconds(3), MemorySamples: 5,
        WarmUp: TimeSpan.FromSeconds(8));

    /// <summary>The full run's phases, searches and report at smoke sizes: a minute or two, figures meaningless.</summary>
    public static readonly BenchProfile Quick = new(
        "quick", DirectUsers: 20, IdleConnections: 20, GroupMembers: 5, HistoryMessages: 2_000,
        StepDuration: TimeSpan.FromSeconds(2), StartRate: 75, SearchForMaximum: true, RefineSteps: 1, RetryMisses: true,
        FixedRate: 150, FixedDuration: TimeSpan.FromSeconds(3), HalfRateDuration: TimeSpan.FromSeconds(2),
        GroupStartRate: 45, HistoryCalls: 50,
        RawInsertDuration: TimeSpan.FromMilliseconds(300), MemorySettle: TimeSpan.FromMilliseconds(300), MemorySamples: 1,
        WarmUp: TimeSpan.FromSeconds(1));

    /// <summary>Seconds, tiny numbers: 10 users and 200 direct messages per step, a 5-member group.</summary>
    public static readonly BenchProfile Smoke = new(
        "smoke", DirectUsers: 10, IdleConnections: 20, GroupMembers: 5, HistoryMessages: 2_000,
        StepDuration: TimeSpan.FromSeconds(2), StartRate: 100, SearchForMaximum: false, RefineSteps: 0, RetryMisses: false,
        FixedRate: 100, FixedDuration: TimeSpan.FromSeconds(2), HalfRateDuration: TimeSpan.FromSeconds(1),
        GroupStartRate: 20, HistoryCalls: 50,
        RawInsertDuration: TimeSpan.FromMilliseconds(300), MemorySettle: TimeSpan.FromMilliseconds(300), MemorySamples: 1,
        WarmUp: TimeSpan.Zero);

    /// <summary>The highest direct rate tried: every user at <see cref="DirectRatePerUser"/>.</summary>
    public double DirectCap => DirectUsers * DirectRatePerUser;

    /// <summary>The highest group rate tried: every member at <see cref="GroupRatePerMember"/>.</summary>
    public double GroupCap => GroupMembers * GroupRatePerMember;

    /// <summary>Users seeded and signed in: enough for the idle-memory phase and the direct steps.</summary>
    public int SeededUsers => Math.Max(IdleConnections, Math.Max(DirectUsers, GroupMembers));

    /// <summary>Users needed so that nobody sends more than <see cref="DirectRatePerUser"/> at this rate.</summary>
    public static int UsersFor(double rate) => Math.Max(2, (int)Math.Ceiling(rate / DirectRatePerUser));
}
