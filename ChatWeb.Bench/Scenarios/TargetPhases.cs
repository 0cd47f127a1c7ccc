using ChatWeb.Bench.Clients;
using ChatWeb.Bench.Hosting;
using ChatWeb.Bench.Load;

namespace ChatWeb.Bench.Scenarios;

/// <summary>What one server did in one run.</summary>
internal sealed record TargetReport(
    string Name, MemoryResult Memory, LadderResult Direct, StepResult HalfRate, double CpuMicrosPerMessage, LadderResult FanOut, int DirectUsers, int GroupMembers);

/// <summary>
/// The same phases, in the same order, against either server: idle memory, the direct-message
/// rate search, a run at half the chat server's best rate, and group fan-out.
/// </summary>
internal sealed class TargetPhases(BenchProfile profile, ServerProcess server, IChatTarget target, LedgerBook book, double directCap, double groupCap)
{
    public BenchProfile Profile => profile;

    public List<BenchPeer> Peers { get; } = [];

    public async Task<MemoryResult> MemoryAsync()
    {
        Console.WriteLine($"[{target.Name}] memory: {profile.IdleConnections} idle connections");
        return await MemoryScenario.RunAsync(server, target, profile.IdleConnections, profile.MemorySettle, profile.MemorySamples);
    }

    public async Task<(LadderResult Direct, IReadOnlyList<MessageRoute> Routes)> DirectAsync()
    {
        Console.WriteLine($"[{target.Name}] direct messages among {profile.DirectUsers} users");
        Peers.AddRange(await PeerConnections.ConnectManyAsync(Enumerable.Range(0, profile.DirectUsers).ToList(), target.ConnectAsync));
        var routes = await Routes.DirectRingAsync(target, Peers);
        await target.SettleAsync();
        var loop = new OpenLoop(target, book);
        await WarmUpAsync(loop, "direct", routes, profile.StartRate / 2);
        var ladder = await SearchOrStepAsync(rate => loop.RunAsync("direct", routes, rate, profile.StepDuration), profile.StartRate, directCap);
        return (ladder, routes);
    }

    /// <summary>The step, and the server CPU it took per acknowledged message.</summary>
    public async Task<(StepResult Step, double CpuMicrosPerMessage)> HalfRateAsync(IReadOnlyList<MessageRoute> routes, double rate)
    {
        Console.WriteLine($"[{target.Name}] latency at {rate:F0} messages/s");
        // What the server burns with these connections open and nothing sent (timers, keep-alives, GC) is not a message's cost.
        var idleWindow = TimeSpan.FromSeconds(3);
        var idleStart = server.CpuTime();
        await Task.Delay(idleWindow);
        var idlePerSecond = (server.CpuTime() - idleStart) / idleWindow.TotalSeconds;
        var cpu = server.CpuTime();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var step = await new OpenLoop(target, book).RunAsync("half", routes, rate, profile.HalfRateDuration);
        var busy = server.CpuTime() - cpu - idlePerSecond * System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        var perMessage = Math.Max(0, busy.TotalMicroseconds) / Math.Max(1, step.Acked);
        Console.WriteLine($"  {target.Name,-8} server CPU {perMessage:F0} µs per message");
        return (step, perMessage);
    }

    public async Task<(LadderResult FanOut, IReadOnlyList<MessageRoute> Routes)> FanOutAsync()
    {
        Console.WriteLine($"[{target.Name}] fan-out to a {profile.GroupMembers}-member group");
        var routes = await Routes.GroupAsync(target, Peers.Take(profile.GroupMembers).ToList());
        await target.SettleAsync();
        var loop = new OpenLoop(target, book);
        await WarmUpAsync(loop, "group", routes, profile.GroupStartRate / 2);
        var ladder = await SearchOrStepAsync(rate => loop.RunAsync("group", routes, rate, profile.StepDuration), profile.GroupStartRate, groupCap);
        return (ladder, routes);
    }

    /// <summary>
    /// A first step at a modest rate that is checked but not reported: a fresh process compiles
    /// its hot paths (tiered JIT) during its first seconds of load, and a search whose first step
    /// paid for that would stop at the start rate.
    /// </summary>
    private async Task WarmUpAsync(OpenLoop loop, string label, IReadOnlyList<MessageRoute> routes, double rate)
    {
        if (profile.WarmUp > TimeSpan.Zero)
        {
            await loop.RunAsync($"{label} warm-up", routes, rate, profile.WarmUp);
            await target.SettleAsync();
        }
    }

    public bool AnyDropped => Peers.Any(p => p.DroppedUnexpectedly);

    private async Task<LadderResult> SearchOrStepAsync(Func<double, Task<StepResult>> step, double start, double cap)
    {
        if (profile.SearchForMaximum)
        {
            return await RateLadder.SearchAsync(step, start, cap, profile.RefineSteps);
        }
        var once = await step(start);
        return new LadderResult(once.Sustained ? once : null, once.Sustained ? null : once, [once], ReachedCap: false);
    }
}
