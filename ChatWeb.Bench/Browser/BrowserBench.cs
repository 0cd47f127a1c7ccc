using System.Diagnostics;
using ChatWeb.Bench.Clients;
using ChatWeb.Bench.Hosting;
using ChatWeb.Bench.Load;
using ChatWeb.Bench.Report;
using ChatWeb.Bench.Scenarios;
using ChatWeb.Bench.Seeding;

namespace ChatWeb.Bench.Browser;

/// <summary>
/// How many people one node serves, from the browser's side: server memory per signed-in chat page
/// (a Blazor circuit, its own hub connection, the thread list on screen; then with a conversation
/// open) and the time from typing a line in one page to seeing it in another, idle and under a
/// background hub load. Real Chromium
/// pages against the real server in its own process, on a fresh SQLite file.
/// </summary>
internal static class BrowserBench
{
    public const string DocsBegin = "<!-- bench:browser:begin -->";
    public const string DocsEnd = "<!-- bench:browser:end -->";

    private const int LinesPerConversation = 12;

    public static async Task<int> RunAsync(BrowserBenchOptions options)
    {
        ThreadPool.SetMinThreads(256, 256);
        var clock = Stopwatch.StartNew();
        var work = options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), $"chatweb-browser-bench-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        Directory.CreateDirectory(work);
        var loadAtStart = MachineInfo.LoadAverage();
        Console.WriteLine($"ChatWeb browser bench; work folder {work}");

        var users = options.Pages + options.BackgroundUsers;
        var seeded = await ChatSeeder.SeedAsync(Path.Combine(work, "chat.db"), users, historyMessages: 0);
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__Chat"] = $"Data Source={Path.Combine(work, "chat.db")}",
        };
        var serverDll = options.ServerDll is { } given ? Path.GetFullPath(given) : await ServerPublish.PublishAsync(Path.Combine(work, "server"));
        await using var server = await ServerProcess.StartAsync("ChatWeb", serverDll, [], environment, Path.Combine(work, "chatweb.log"));
        var names = Enumerable.Range(0, users).Select(BenchUsers.Name).Append(BenchUsers.HistoryOwner).ToList();
        Console.WriteLine($"[server] pid {server.Pid} at {server.BaseUri}; signing in {names.Count:N0} token clients");
        var tokens = await TokenClient.LoginAllAsync(server.BaseUri, names, BenchUsers.Password);
        var book = new LedgerBook(Path.Combine(work, "series"));
        var target = new AppTarget(server.BaseUri, names, tokens, book.OnMessage, probeUser: names.Count - 1, probeThread: seeded.ThreadId);
        var threads = await StartConversationsAsync(target, options.Pages);
        await target.SettleAsync();

        // What the browser opens is "localhost", as a person's would; the server listens on 127.0.0.1.
        await using var browser = new ChatPages(new Uri($"http://localhost:{server.BaseUri.Port}/"));
        await browser.LaunchAsync();
        var memory = new MemoryProbe(server, target, options.GcdumpTool, work);
        Console.WriteLine("[memory] no page open");
        var empty = await memory.ReadAsync(0, "empty");
        var half = await OpenPagesAsync(browser, memory, names, 0, options.Pages / 2);
        var full = await OpenPagesAsync(browser, memory, names, options.Pages / 2, options.Pages);
        var results = new BrowserResults(options, DateTime.UtcNow.ToString("yyyy-MM-dd"), RepoPaths.Commit(), MachineInfo.Describe(), empty, half, full);

        var correct = true;
        if (!options.MemoryOnly)
        {
            var pages = browser.Pages.OrderBy(p => names.IndexOf(p.UserName)).ToList();
            Console.WriteLine($"[memory] opening each page's conversation");
            await Parallel.ForEachAsync(pages, new ParallelOptions { MaxDegreeOfParallelism = 4 },
                async (page, _) => await ChatPages.OpenConversationAsync(page, threads[names.IndexOf(page.UserName)]));
            var conversations = await memory.ReadAsync(options.Pages, "conversations");
            var pairs = Enumerable.Range(0, options.Pairs).Select(i => (pages[2 * i], pages[2 * i + 1])).ToList();
            Console.WriteLine($"[typing] {options.Pairs} pairs × {options.LinesPerPair} lines, idle server");
            var (idle, cpuPerLine) = await MeasureWithCpuAsync(server, () => TypingLatency.MeasureAsync(pairs, options.LinesPerPair, "idle"));
            Console.WriteLine($"  p50 {idle.P50:F0} ms, p99 {idle.P99:F0} ms, server CPU {cpuPerLine:F0} µs per line");
            var (loaded, background) = await UnderLoadAsync(options, target, book, pairs);
            results = results with { Conversations = conversations, Typing = new TypingResults(idle, cpuPerLine, loaded, background) };
            correct = background.All(s => s.Correct);
        }
        await target.Probe!.DisposeAsync();

        results = results with { LoadAverages = $"{loadAtStart} at the start, {MachineInfo.LoadAverage()} at the end", Duration = clock.Elapsed };
        var table = results.Render();
        Console.WriteLine();
        Console.WriteLine(table);
        File.WriteAllText(Path.Combine(work, "results-browser.md"), table);
        if (options.DocsPath is not null)
        {
            DocsWriter.Write(options.DocsPath, table, DocsBegin, DocsEnd);
        }
        return correct ? 0 : 1;
    }

    /// <summary>A direct conversation for each pair of page users (0 with 1, 2 with 3, ...), each with a few lines of history.</summary>
    private static async Task<Guid[]> StartConversationsAsync(AppTarget target, int pages)
    {
        var peers = await PeerConnections.ConnectManyAsync(Enumerable.Range(0, pages).ToList(), i => target.ConnectAsync(i, ClientOptions.Default));
        var threads = new Guid[pages];
        await Parallel.ForEachAsync(Enumerable.Range(0, pages / 2), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (pair, _) =>
        {
            var (a, b) = (peers[2 * pair], peers[2 * pair + 1]);
            var id = await target.OpenDirectAsync(a, b);
            for (var line = 0; line < LinesPerConversation; line++)
            {
                await target.SendAsync(line % 2 == 0 ? a : b, id, $"history-{pair}-{line}", $"{OpenLoop.Body} ({line + 1})");
            }
            threads[2 * pair] = threads[2 * pair + 1] = Guid.Parse(id);
        });
        await PeerConnections.DisposeAllAsync(peers);
        return threads;
    }

    private static async Task<MemoryReading> OpenPagesAsync(ChatPages browser, MemoryProbe memory, IReadOnlyList<string> names, int from, int to)
    {
        Console.WriteLine($"[memory] opening pages {from + 1}–{to} (thread list, no conversation)");
        await Parallel.ForEachAsync(Enumerable.Range(from, to - from), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (i, _) => await browser.OpenAsync(names[i], BenchUsers.Password));
        return await memory.ReadAsync(to, "thread-list");
    }

    /// <summary>
    /// The server CPU a typed line costs from keypress to the other page's render (both circuits,
    /// the send, the push), with what the server burns meanwhile with nothing typed (pages' timers,
    /// keep-alives, GC) subtracted, as the hub figure does.
    /// </summary>
    private static async Task<(LatencySummary Typing, double CpuMicrosPerLine)> MeasureWithCpuAsync(ServerProcess server, Func<Task<LatencySummary>> measure)
    {
        var window = TimeSpan.FromSeconds(5);
        var idleStart = server.CpuTime();
        await Task.Delay(window);
        var idlePerSecond = (server.CpuTime() - idleStart) / window.TotalSeconds;
        var cpu = server.CpuTime();
        var started = Stopwatch.GetTimestamp();
        var typing = await measure();
        var busy = server.CpuTime() - cpu - idlePerSecond * Stopwatch.GetElapsedTime(started).TotalSeconds;
        return (typing, Math.Max(0, busy.TotalMicroseconds) / Math.Max(1, typing.Count));
    }

    /// <summary>The typing pairs again, while token clients send a steady direct-message load in steps until they are done.</summary>
    private static async Task<(LatencySummary Typing, IReadOnlyList<StepResult> Background)> UnderLoadAsync(
        BrowserBenchOptions options, AppTarget target, LedgerBook book, IReadOnlyList<(ChatPage, ChatPage)> pairs)
    {
        Console.WriteLine($"[typing] again, with {options.BackgroundUsers} token clients sending {options.BackgroundRate:N0} msg/s");
        var peers = await PeerConnections.ConnectManyAsync(Enumerable.Range(options.Pages, options.BackgroundUsers).ToList(), i => target.ConnectAsync(i, ClientOptions.Default));
        var routes = await Routes.DirectRingAsync(target, peers);
        await target.SettleAsync();
        var loop = new OpenLoop(target, book);
        var steps = new List<StepResult>();
        using var done = new CancellationTokenSource();
        var load = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                steps.Add(await loop.RunAsync("background", routes, options.BackgroundRate, TimeSpan.FromSeconds(10)));
            }
        });
        // The first step starts the load (and finishes compiling its paths) before anything is timed.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var typing = await TypingLatency.MeasureAsync(pairs, options.LinesPerPair, "loaded");
        Console.WriteLine($"  p50 {typing.P50:F0} ms, p99 {typing.P99:F0} ms");
        await done.CancelAsync();
        await load;
        await PeerConnections.DisposeAllAsync(peers);
        return (typing, steps);
    }
}
