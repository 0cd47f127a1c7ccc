using System.Diagnostics;
using ChatWeb.Bench.Clients;
using ChatWeb.Bench.Hosting;
using ChatWeb.Bench.Load;
using ChatWeb.Bench.Report;
using ChatWeb.Bench.Scenarios;
using ChatWeb.Bench.Seeding;
using ChatWeb.Bench.Storage;

namespace ChatWeb.Bench;

/// <summary>
/// One run: the chat server on a fresh SQLite file, then the bare relay with the same phases, then
/// raw SQLite inserts; each server in its own process, started and stopped here. Exit code 1 when
/// any message was lost or duplicated.
/// </summary>
internal static class BenchRun
{
    public static async Task<int> RunAsync(BenchProfile defaults, BenchArguments args)
    {
        var profile = args.Apply(defaults);
        // Thousands of client connections in one process: do not make them wait for thread injection.
        ThreadPool.SetMinThreads(256, 256);
        var clock = Stopwatch.StartNew();
        var work = args.WorkDirectory ?? Path.Combine(Path.GetTempPath(), $"chatweb-bench-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        Directory.CreateDirectory(work);
        var serverDll = RepoPaths.ServerDll(args.ServerDll);
        var loadAtStart = MachineInfo.LoadAverage();
        var verdict = new Verdict(failOnRefusedSends: !profile.SearchForMaximum);
        Console.WriteLine($"ChatWeb bench ({profile.Name}); work folder {work}");

        var (app, history) = await RunChatWebAsync(profile, serverDll, work, verdict, args.ServerEnvironment);
        var halfRate = app.HalfRate.Step.TargetRate;
        var relay = await RunRelayAsync(profile, work, halfRate, verdict);
        Console.WriteLine("[storage] raw Microsoft.Data.Sqlite inserts");
        var raw = await RawSqliteInsert.RunAsync(Path.Combine(work, "raw.db"), profile.RawInsertDuration);

        verdict.Print();
        var report = new RunReport(profile, DateTime.UtcNow.ToString("yyyy-MM-dd"), RepoPaths.Commit(), MachineInfo.Describe(),
            $"dotnet run -c Release --project ChatWeb.Bench -- {profile.Name}" + (args.DocsPath is null ? "" : $" --docs {args.DocsPath}")
                + string.Concat(args.ServerEnvironment.Select(e => $" --server-env {e.Key}={e.Value}")),
            $"{loadAtStart} at the start, {MachineInfo.LoadAverage()} at the end",
            app, relay, history, raw, verdict.MessagesChecked, verdict.DeliveriesChecked, verdict.Passed, clock.Elapsed);
        var table = ResultsTable.Render(report);
        Console.WriteLine();
        Console.WriteLine(table);
        File.WriteAllText(Path.Combine(work, "results.md"), table);
        if (args.DocsPath is not null)
        {
            DocsWriter.Write(args.DocsPath, table);
        }
        return verdict.Passed ? 0 : 1;
    }

    private static async Task<(TargetReport App, HistoryResult History)> RunChatWebAsync(
        BenchProfile profile, string serverDll, string work, Verdict verdict, IReadOnlyDictionary<string, string> serverEnvironment)
    {
        var dbPath = Path.Combine(work, "chat.db");
        Console.WriteLine($"[ChatWeb] seeding {profile.SeededUsers:N0} users and a {profile.HistoryMessages:N0}-message thread");
        var seeded = await ChatSeeder.SeedAsync(dbPath, profile.SeededUsers, profile.HistoryMessages);

        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__Chat"] = $"Data Source={dbPath}",
        };
        foreach (var (key, value) in serverEnvironment)
        {
            environment[key] = value;
        }
        await using var server = await ServerProcess.StartAsync("ChatWeb", serverDll, [], environment, Path.Combine(work, "chatweb.log"));
        var names = Enumerable.Range(0, profile.SeededUsers).Select(BenchUsers.Name).Append(BenchUsers.HistoryOwner).ToList();
        Console.WriteLine($"[ChatWeb] pid {server.Pid} at {server.BaseUri}; signing in {names.Count:N0} users");
        var tokens = await TokenClient.LoginAllAsync(server.BaseUri, names, BenchUsers.Password);

        var book = new LedgerBook(Path.Combine(work, "series"));
        var target = new AppTarget(server.BaseUri, names, tokens, book.OnMessage, probeUser: names.Count - 1, probeThread: seeded.ThreadId);
        var phases = new TargetPhases(profile, server, target, book);
        var report = await RunPhasesAsync(phases, target, book, verdict, halfRate: null, browserSearch: true);

        Console.WriteLine("[ChatWeb] history");
        await target.SettleAsync();
        var history = await HistoryScenario.RunAsync(target.Probe!.Connection, seeded.ThreadId, seeded.Messages, profile.HistoryCalls);
        await target.Probe.DisposeAsync();
        await phases.Pool.DisposeAllAsync();
        return (report, history);
    }

    private static async Task<TargetReport> RunRelayAsync(BenchProfile profile, string work, double halfRate, Verdict verdict)
    {
        await using var server = await ServerProcess.StartAsync("Relay", RepoPaths.BenchDll, ["baseline-server"],
            new Dictionary<string, string>(), Path.Combine(work, "relay.log"));
        Console.WriteLine($"[Relay] pid {server.Pid} at {server.BaseUri}");
        var names = Enumerable.Range(0, profile.SeededUsers).Select(BenchUsers.Name).ToList();
        var book = new LedgerBook(Path.Combine(work, "series"));
        var target = new RelayTarget(server.BaseUri, names, book.OnMessage);
        // The same workload as the chat server's, users and rates alike; the relay has no limit to hit.
        var phases = new TargetPhases(profile, server, target, book);
        var report = await RunPhasesAsync(phases, target, book, verdict, halfRate, browserSearch: false);
        await phases.Pool.DisposeAllAsync();
        return report;
    }

    /// <summary>
    /// Idle memory, then the direct-message search with the default options (the headline), the
    /// fixed-rate step and half load on the same connections, then (chat server only) the search
    /// again with the browser's option, and group fan-out on whatever connections are open.
    /// </summary>
    private static async Task<TargetReport> RunPhasesAsync(
        TargetPhases phases, IChatTarget target, LedgerBook book, Verdict verdict, double? halfRate, bool browserSearch)
    {
        var memory = await phases.MemoryAsync();
        var direct = await phases.DirectAsync(ClientOptions.Default, "direct");
        var fixedRate = await phases.FixedRateAsync();
        // Figure 2 compares both servers at half the chat server's best rate.
        // With no sustained rate at all, half the lowest rate tried still shows where the latency goes.
        var rate = halfRate ?? Math.Max(1, Math.Round((direct.Best?.TargetRate ?? direct.Steps.Min(s => s.First.TargetRate)) / 2));
        var half = await phases.HalfRateAsync(rate);
        var browser = browserSearch ? await phases.DirectAsync(ClientOptions.Browser, "direct browser") : null;
        var fanOut = await phases.FanOutAsync();
        verdict.Check(target, book, phases.AllRoutes, phases.Pool.AnyDropped);
        var profile = phases.Profile;
        return new TargetReport(target.Name, memory, direct, browser, fixedRate, half, fanOut, profile.DirectUsers, profile.GroupMembers);
    }
}
