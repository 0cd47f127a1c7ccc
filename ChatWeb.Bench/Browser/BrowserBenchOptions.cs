using System.Globalization;

namespace ChatWeb.Bench.Browser;

/// <summary>
/// The browser scenario's options. Defaults: 120 signed-in chat pages; 10 of them in pairs type 30
/// lines each, first on an idle server, then while 300 token clients send 4,500 direct messages a
/// second (half the 9,000/s the full run sustained on a quiet machine; set it from your own run).
/// The server is published into the work folder unless <c>--server-dll</c> names a published one.
/// </summary>
internal sealed record BrowserBenchOptions(
    int Pages = 120, int Pairs = 10, int LinesPerPair = 30, int BackgroundUsers = 300, double BackgroundRate = 4_500,
    string? DocsPath = null, string? WorkDirectory = null, string? ServerDll = null)
{
    public static BrowserBenchOptions Parse(string[] args)
    {
        var options = new BrowserBenchOptions();
        for (var i = 0; i < args.Length; i += 2)
        {
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
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        if (options.Pages < 2 * options.Pairs || options.Pages % 2 != 0)
        {
            throw new ArgumentException("--pages must be even and hold the --pairs that type (two pages each).");
        }
        return options;
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
