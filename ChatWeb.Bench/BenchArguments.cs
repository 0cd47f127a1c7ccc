namespace ChatWeb.Bench;

/// <summary>
/// Command-line options. <c>--rate</c> and <c>--seconds</c> set where a search starts and how long
/// its steps are; in a smoke run (no search) they fix its direct-message and fixed-rate steps, which
/// is how the server is held under a steady load for a profiler. <c>--users</c> sets how many people
/// send direct messages; never fewer than keep each under <see cref="BenchProfile.DirectRatePerUser"/>.
/// </summary>
internal sealed record BenchArguments(string? DocsPath, string? WorkDirectory, string? ServerDll, double? Rate, double? Seconds, int? Users)
{
    /// <summary>
    /// Extra environment for the chat server only (<c>--server-env KEY=VALUE</c>, repeatable): how a
    /// runtime setting such as <c>DOTNET_gcServer=1</c> is tried against the shipped one without
    /// rebuilding, and without touching the bench's own process or the relay's.
    /// </summary>
    public IReadOnlyDictionary<string, string> ServerEnvironment { get; init; } = new Dictionary<string, string>();

    public BenchProfile Apply(BenchProfile profile)
    {
        var steady = !profile.SearchForMaximum;
        var applied = profile with
        {
            StartRate = Rate ?? profile.StartRate,
            FixedRate = steady && Rate is { } r ? r : profile.FixedRate,
            StepDuration = Seconds is { } s ? TimeSpan.FromSeconds(s) : profile.StepDuration,
            FixedDuration = steady && Seconds is { } f ? TimeSpan.FromSeconds(f) : profile.FixedDuration,
        };
        var needed = Math.Max(BenchProfile.UsersFor(applied.FixedRate), BenchProfile.UsersFor(applied.StartRate));
        return applied with { DirectUsers = Math.Max(Users ?? profile.DirectUsers, needed) };
    }

    public static BenchArguments Parse(string[] args)
    {
        string? docs = null, work = null, server = null;
        double? rate = null, seconds = null;
        int? users = null;
        var serverEnvironment = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--docs": docs = value; break;
                case "--work": work = value; break;
                case "--server-dll": server = value; break;
                case "--rate": rate = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "--users": users = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "--server-env":
                    var equals = value.IndexOf('=');
                    if (equals <= 0)
                    {
                        throw new ArgumentException($"--server-env takes KEY=VALUE, not \"{value}\".");
                    }
                    serverEnvironment[value[..equals]] = value[(equals + 1)..];
                    break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
            i++;
        }
        return new BenchArguments(docs, work, server, rate, seconds, users) { ServerEnvironment = serverEnvironment };
    }
}
