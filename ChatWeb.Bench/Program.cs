using ChatWeb.Bench;
using ChatWeb.Bench.Baseline;
using ChatWeb.Bench.Browser;
using ChatWeb.Bench.Uploads;

// One program, seven modes: `full`, `quick` and `smoke` start both servers as child processes and
// drive them; `baseline-server` is the bare relay that those runs start as their second server;
// `browser` measures the chat server from real Chromium pages (memory per page, typing latency);
// `uploads` measures file uploads over HTTP (time, and server memory while several run at once);
// `search` times searching a large seeded history (docs/performance.md, "Search").
return args.FirstOrDefault() switch
{
    "full" => await BenchRun.RunAsync(BenchProfile.Full, BenchArguments.Parse(args[1..])),
    "quick" => await BenchRun.RunAsync(BenchProfile.Quick, BenchArguments.Parse(args[1..])),
    "smoke" => await BenchRun.RunAsync(BenchProfile.Smoke, BenchArguments.Parse(args[1..])),
    "baseline-server" => await BaselineServer.RunAsync(args[1..]),
    "browser" => await BrowserBench.RunAsync(BrowserBenchOptions.Parse(args[1..])),
    "uploads" => await UploadBench.RunAsync(UploadBenchOptions.Parse(args[1..])),
    "search" => await ChatWeb.Bench.Search.SearchBench.RunAsync(ChatWeb.Bench.Search.SearchBenchOptions.Parse(args[1..])),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: ChatWeb.Bench full  [--docs docs/performance.md] [--work DIR] [--server-dll PATH]
               ChatWeb.Bench quick [--docs FILE] [--work DIR] [--server-dll PATH]
               ChatWeb.Bench smoke [--work DIR] [--server-dll PATH] [--rate MSGS_PER_S] [--seconds S] [--users N]
               ChatWeb.Bench baseline-server --urls http://127.0.0.1:PORT
               ChatWeb.Bench browser [--docs docs/performance.md] [--work DIR] [--server-dll PATH] [--pages 120]
                                     [--pairs 10] [--lines 30] [--background-users 300] [--background-rate 4500]
                                     [--memory-only] [--gcdump PATH_TO_DOTNET_GCDUMP]
               ChatWeb.Bench uploads [--docs docs/performance.md] [--work DIR] [--server-dll PATH] [--size-mb 25] [--parallel 10]
               ChatWeb.Bench search [--work DIR] [--messages 1000000] [--threads 10000] [--member-of 100] [--queries 2000]
        """);
    return 2;
}
