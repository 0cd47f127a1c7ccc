using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using ChatWeb.Bench.Browser;
using ChatWeb.Bench.Clients;
using ChatWeb.Bench.Hosting;
using ChatWeb.Bench.Report;
using ChatWeb.Bench.Seeding;

namespace ChatWeb.Bench.Uploads;

/// <summary>
/// Uploads over HTTP (<c>POST /api/threads/{id}/attachments</c>) against the real server in its own
/// process, on a fresh SQLite file and attachments folder: the time one file of the given size
/// takes, and the server's resident memory while several such uploads run at once. The upload path
/// streams, so memory must not grow by the files' size.
/// </summary>
internal static class UploadBench
{
    public const string DocsBegin = "<!-- bench:uploads:begin -->";
    public const string DocsEnd = "<!-- bench:uploads:end -->";
    private const int SingleRuns = 3;

    public static async Task<int> RunAsync(UploadBenchOptions options)
    {
        var work = options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), $"chatweb-upload-bench-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        Directory.CreateDirectory(work);
        var loadAtStart = MachineInfo.LoadAverage();
        var bytes = options.SizeMegabytes * 1024L * 1024;
        var seeded = await ChatSeeder.SeedAsync(Path.Combine(work, "chat.db"), users: 0, historyMessages: 0);
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__Chat"] = $"Data Source={Path.Combine(work, "chat.db")}",
            ["Attachments__Path"] = Path.Combine(work, "attachments"),
        };
        var serverDll = options.ServerDll is { } given ? Path.GetFullPath(given) : await ServerPublish.PublishAsync(Path.Combine(work, "server"));
        await using var server = await ServerProcess.StartAsync("ChatWeb", serverDll, [], environment, Path.Combine(work, "chatweb.log"));
        var token = (await TokenClient.LoginAllAsync(server.BaseUri, [BenchUsers.HistoryOwner], BenchUsers.Password))[0];
        using var http = new HttpClient { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var thread = seeded.ThreadId.ToString();

        Console.WriteLine($"[uploads] warming up; server pid {server.Pid}");
        await UploadAsync(http, thread, 1024 * 1024, seed: 0);
        var singles = new List<TimeSpan>();
        for (var i = 0; i < SingleRuns; i++)
        {
            singles.Add(await UploadAsync(http, thread, bytes, seed: i + 1));
        }
        var single = singles.Order().ElementAt(SingleRuns / 2);
        Console.WriteLine($"  one {options.SizeMegabytes} MB file: {single.TotalSeconds:F2} s (median of {SingleRuns})");

        var before = await ServerHeap.ReadAsync(server.Pid, 0, server.WorkingSetBytes);
        var peak = before.ResidentBytes;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, server.WorkingSetBytes());
                await Task.Delay(20);
            }
        });
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Parallel).Select(i => UploadAsync(http, thread, bytes, seed: 100 + i)));
        var together = clock.Elapsed;
        await sampling.CancelAsync();
        await sampler;
        var after = await ServerHeap.ReadAsync(server.Pid, 0, server.WorkingSetBytes);
        Console.WriteLine($"  {options.Parallel} at once: {together.TotalSeconds:F2} s; resident {Mib(before.ResidentBytes)} before, peak {Mib(peak)}");

        var table = Render(options, single, together, before, peak, after, $"{loadAtStart} at the start, {MachineInfo.LoadAverage()} at the end");
        Console.WriteLine();
        Console.WriteLine(table);
        File.WriteAllText(Path.Combine(work, "results-uploads.md"), table);
        if (options.DocsPath is not null)
        {
            DocsWriter.Write(options.DocsPath, table, DocsBegin, DocsEnd);
        }
        // The test of the claim: the server did not hold the files in memory.
        return peak - before.ResidentBytes < bytes * options.Parallel / 2 ? 0 : 1;
    }

    private static async Task<TimeSpan> UploadAsync(HttpClient http, string thread, long bytes, int seed)
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(new GeneratedFile(bytes, seed), 81920);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        file.Headers.ContentLength = bytes;
        form.Add(file, "file", $"bench-{seed}.bin");
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync($"/api/threads/{thread}/attachments", form);
        var elapsed = clock.Elapsed;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Upload failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return elapsed;
    }

    private static string Render(UploadBenchOptions o, TimeSpan single, TimeSpan together, MemoryReading before, long peak, MemoryReading after, string load)
    {
        var mb = o.SizeMegabytes;
        string Rate(double megabytes, TimeSpan t) => (megabytes / t.TotalSeconds).ToString("F0", CultureInfo.InvariantCulture) + " MB/s";
        return $"""
            | measure | value |
            |---|---|
            | one {mb} MB upload (median of {SingleRuns}) | {single.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)} s, {Rate(mb, single)} |
            | {o.Parallel} × {mb} MB at once | {together.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)} s for all, {Rate(mb * o.Parallel, together)} together |
            | server resident memory before (managed heap) | {Mib(before.ResidentBytes)} ({Mib(before.ManagedHeapBytes)}) |
            | server resident memory, peak during the {o.Parallel} uploads | {Mib(peak)}: +{Mib(peak - before.ResidentBytes)} for {o.Parallel * mb} MB of files |
            | server resident memory after (managed heap) | {Mib(after.ResidentBytes)} ({Mib(after.ManagedHeapBytes)}) |

            Measured {DateTime.UtcNow:yyyy-MM-dd} at {RepoPaths.Commit()} on {MachineInfo.Describe()}; load average {load}.
            Client and server on one machine over loopback (HTTP/1.1, bearer token), SQLite file and attachments folder on the same disk.
            """;
    }

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) + " MiB";
}
