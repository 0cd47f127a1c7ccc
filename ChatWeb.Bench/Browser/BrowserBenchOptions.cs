using System.Globalization;

namespace ChatWeb.Bench.Browser;

/// <summary>
/// The browser scenario's options. Defaults: 120 signed-in chat pages showing the thread list; then
/// each opens its conversation, and 10 of them in pairs type 30 lines each, first on an idle server,
/// then while 300 token clients send 4,500 direct messages a second (half the 9,000/s the full run
/// sustained on a quiet machine; set it from your own run). <c>--memory-only</c> stops after the
/// thread-list readings. <c>--gcdump</c> names the dotnet-gcdump tool, to leave a heap snapshot of
/// the server beside each reading. The server is published into the work folder unless
/// <c>--server-dll</c> names a published one.
/// </summary>
internal sealed record BrowserBenchOptions(
    int Pages = 120, int Pairs = 10, int LinesPerPair = 30, int BackgroundUsers = 300, double BackgroundRate = 4_500,
    string? DocsPath = null, string? WorkDirectory = null, string? ServerDll = null, bool MemoryOnly = false, string? GcdumpTool = null)
{
    public static BrowserBenchOptions Parse(string[] args)
    {
        var options = new BrowserBenchOptions();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] == "--memory-only")
            {
                options = options with { MemoryOnly = true };
                i--;
                continue;
            }
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--pages" => options with { Pages = Int(value) },
                "--pairs" => options with { Pairs = Int(value) },
                "--lines" => options with { LinesPerPair = Int(value) },
                "--background-users" => options with { BackgroundUsers = Int(value) },
                "--background-rate" => options with { BackgroundRate = double.Parse(value, CultureInfo.InvariantCulture) },
                "--docs" => options with { DocsPath = value },
                "--work" => options with { WorkDirectory = value },
                "--server-dll" => options with { ServerDll = value },
                "--gcdump" => options with { GcdumpTool = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        if (options.Pages < 2 * options.Pairs || options.Pages % 2 != 0)
        {
            throw new ArgumentException("--pages must be even and hold the --pairs that type (two pages each).");
        }
        return options;
    }

    /// <summary>The command line that repeats this run.</summary>
    public string CommandLine() => MemoryOnly
        ? I($"dotnet run -c Release --project ChatWeb.Bench -- browser --pages {Pages} --memory-only")
        : I($"dotnet run -c Release --project ChatWeb.Bench -- browser --pages {Pages} --pairs {Pairs} --lines {LinesPerPair} --background-users {BackgroundUsers} --background-rate {BackgroundRate}");

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);

    private static string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
