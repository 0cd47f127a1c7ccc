using ChatWeb.Bench;
using ChatWeb.Bench.Baseline;

// One program, four modes: `full`, `quick` and `smoke` start both servers as child processes and
// drive them; `baseline-server` is the bare relay that those runs start as their second server.
return args.FirstOrDefault() switch
{
    "full" => await BenchRun.RunAsync(BenchProfile.Full, BenchArguments.Parse(args[1..])),
    "quick" => await BenchRun.RunAsync(BenchProfile.Quick, BenchArguments.Parse(args[1..])),
    "smoke" => await BenchRun.RunAsync(BenchProfile.Smoke, BenchArguments.Parse(args[1..])),
    "baseline-server" => await BaselineServer.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: ChatWeb.Bench full  [--docs docs/performance.md] [--work DIR] [--server-dll PATH]
               ChatWeb.Bench quick [--docs FILE] [--work DIR] [--server-dll PATH]
               ChatWeb.Bench smoke [--work DIR] [--server-dll PATH] [--rate MSGS_PER_S] [--seconds S] [--users N]
               ChatWeb.Bench baseline-server --urls http://127.0.0.1:PORT
        """);
    return 2;
}
