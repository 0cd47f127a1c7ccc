using System.Diagnostics;
using ChatWeb.Bench.Clients;
using ChatWeb.Bench.Diagnostics;
using ChatWeb.Bench.Hosting;
using ChatWeb.Bench.Load;

namespace ChatWeb.Bench.Scenarios;

/// <summary>
/// A fixed-rate step, the server CPU it took per acknowledged message, what the server's runtime did
/// meanwhile, and how much of the step's largest stall the runtime spent paused.
/// The bench's own runtime is watched too: its clients' collector pausing in the stall is the bench, not the server.
/// </summary>
internal sealed record MeasuredStep(StepResult Step, double CpuMicrosPerMessage, RuntimeReport Runtime, double PausedInLargestStallMs)
{
    /// <summary>The bench process's own runtime during the step.</summary>
    public RuntimeReport Bench { get; init; } = RuntimeReport.None;

    /// <summary>Milliseconds of the largest stall in which the bench's own collector had its clients paused.</summary>
    public double BenchPausedInLargestStallMs { get; init; }
}

/// <summary>What one server did in one run. <see cref="DirectBrowser"/> is the chat server's second search, with the browser's option.</summary>
internal sealed record TargetReport(
    string Name, MemoryResult Memory, LadderResult Direct, LadderResult? DirectBrowser, MeasuredStep Fixed, MeasuredStep HalfRate,
    LadderResult FanOut, int DirectUsers, int GroupMembers);

/// <summary>
/// The same phases against either server: idle memory, direct-message rate searches, fixed-rate
/// steps, and group fan-out. The connections of one phase carry on into the next.
/// </summary>
internal sealed class TargetPhases(BenchProfile profile, ServerProcess server, IChatTarget target, LedgerBook book)
{
    private readonly OpenLoop loop = new(target, book);
    private IReadOnlyList<MessageRoute>? directRoutes;
    private IReadOnlyList<MessageRoute> groupRoutes = [];

    public BenchProfile Profile => profile;

    public PeerPool Pool { get; } = new(target);

    /// <summary>Every route messages went over, as last bound: what the seq check reads.</summary>
    public IEnumerable<MessageRoute> AllRoutes => (directRoutes ?? []).Concat(groupRoutes);

    public async Task<MemoryResult> MemoryAsync()
    {
        Console.WriteLine($"[{target.Name}] memory: {profile.IdleConnections} idle connections");
        return await MemoryScenario.RunAsync(server, target, Pool, profile.IdleConnections, profile.MemorySettle, profile.MemorySamples);
    }

    /// <summary>
    /// The direct-message search over a ring of direct threads among <see cref="BenchProfile.DirectUsers"/>
    /// people, connected with these options. A second search reuses the threads on new connections.
    /// </summary>
    public async Task<LadderResult> DirectAsync(ClientOptions options, string label)
    {
        Console.WriteLine($"[{target.Name}] direct messages among {profile.DirectUsers} users, {options.Name}");
        await Pool.EnsureAsync(profile.DirectUsers, options);
        directRoutes = directRoutes is null
            ? await Routes.DirectRingAsync(target, Pool.Peers)
            : directRoutes.Select(r => r.Rebind(Pool.Peers)).ToList();
        await target.SettleAsync();
        await WarmUpAsync(label, directRoutes, profile.StartRate / 2);
        return await SearchOrStepAsync(label, directRoutes, profile.StartRate, profile.DirectCap);
    }

    /// <summary>The fixed-rate step over the direct threads, on the connections the last search left.</summary>
    public Task<MeasuredStep> FixedRateAsync() =>
        MeasureAsync("fixed", profile.FixedRate, profile.FixedDuration);

    /// <summary>Both servers at one rate: half the chat server's best.</summary>
    public Task<MeasuredStep> HalfRateAsync(double rate) => MeasureAsync("half", rate, profile.HalfRateDuration);

    public async Task<LadderResult> FanOutAsync()
    {
        Console.WriteLine($"[{target.Name}] fan-out to a {profile.GroupMembers}-member group");
        groupRoutes = await Routes.GroupAsync(target, Pool.Peers.Take(profile.GroupMembers).ToList());
        await target.SettleAsync();
        await WarmUpAsync("group", groupRoutes, profile.GroupStartRate / 2);
        return await SearchOrStepAsync("group", groupRoutes, profile.GroupStartRate, profile.GroupCap);
    }

    /// <summary>
    /// Runs the step and reads the server's CPU time from /proc around it. What the server burns
    /// with these connections open and nothing sent (timers, keep-alives, GC) is not a message's
    /// cost: three idle seconds (at most half as long as the step) are measured first and subtracted.
    /// The server's runtime is watched through the step (<see cref="RuntimeWatch"/>): its pauses
    /// laid beside the largest stall say whether that stall was the collector's.
    /// </summary>
    private async Task<MeasuredStep> MeasureAsync(string label, double rate, TimeSpan duration)
    {
        Console.WriteLine($"[{target.Name}] {label}: {rate:F0} messages/s for {duration.TotalSeconds:F0} s");
        var idleWindow = TimeSpan.FromSeconds(Math.Min(3, duration.TotalSeconds / 2));
        var idleStart = server.CpuTime();
        await Task.Delay(idleWindow);
        var idlePerSecond = (server.CpuTime() - idleStart) / idleWindow.TotalSeconds;
        await using var watch = RuntimeWatch.Start(server.Pid);
        await using var self = RuntimeWatch.Start(Environment.ProcessId);
        var cpu = server.CpuTime();
        var started = Stopwatch.GetTimestamp();
        var step = await loop.RunAsync(label, directRoutes!, rate, duration);
        var busy = server.CpuTime() - cpu - idlePerSecond * Stopwatch.GetElapsedTime(started).TotalSeconds;
        var runtime = await watch.StopAsync();
        var bench = await self.StopAsync();
        book.WriteRuntime(runtime, $"{target.Name}-{label}-{rate:0}-runtime");
        var perMessage = Math.Max(0, busy.TotalMicroseconds) / Math.Max(1, step.Acked);
        var stallFrom = step.LargestStallFromUtc;
        var stallTo = stallFrom.AddMilliseconds(step.LargestStallMs);
        var pausedInStall = runtime.PausedWithin(stallFrom, stallTo);
        var benchPausedInStall = bench.PausedWithin(stallFrom, stallTo);
        Console.WriteLine($"  {target.Name,-8} server CPU {perMessage:F0} µs per message");
        Console.WriteLine($"  {target.Name,-8} {runtime.Describe(step.SendSeconds, step.Acked)}; paused {pausedInStall:F1} ms of the largest stall ({step.LargestStallMs:F1} ms)");
        Console.WriteLine($"  {target.Name,-8} send path: {runtime.DescribeSendPath(stallFrom, stallTo)}");
        Console.WriteLine($"  bench    {bench.Describe(step.SendSeconds, step.Acked)}; paused {benchPausedInStall:F1} ms of the largest stall");
        await target.SettleAsync();
        return new MeasuredStep(step, perMessage, runtime, pausedInStall) { Bench = bench, BenchPausedInLargestStallMs = benchPausedInStall };
    }

    /// <summary>
    /// A first step at a modest rate that is checked but not reported: a fresh process compiles
    /// its hot paths (tiered JIT) during its first seconds of load, and a search whose first step
    /// paid for that would stop at the start rate.
    /// </summary>
    private async Task WarmUpAsync(string label, IReadOnlyList<MessageRoute> routes, double rate)
    {
        if (profile.WarmUp > TimeSpan.Zero)
        {
            await loop.RunAsync($"{label} warm-up", routes, rate, profile.WarmUp);
            await target.SettleAsync();
        }
    }

    private async Task<LadderResult> SearchOrStepAsync(string label, IReadOnlyList<MessageRoute> routes, double start, double cap)
    {
        if (!profile.SearchForMaximum)
        {
            return LadderResult.Single(await loop.RunAsync(label, routes, start, profile.StepDuration), cap);
        }
        return await RateLadder.SearchAsync(
            (rate, retry) => loop.RunAsync(retry ? $"{label} retry" : label, routes, rate, profile.StepDuration, stopWhenMissed: true),
            start, cap, profile.RefineSteps, profile.RetryMisses);
    }
}
