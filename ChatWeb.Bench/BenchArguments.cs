namespace ChatWeb.Bench;

/// <summary>
/// Command-line options. <c>--rate</c>, <c>--seconds</c> and <c>--users</c> fix the direct-message
/// step of a smoke run, which is how the server is held under a steady load for a profiler.
/// </summary>
internal sealed record BenchArguments(string? DocsPath, string? WorkDirectory, string? ServerDll, double? Rate, double? Seconds, int? Users)
{
    public BenchProfile Apply(BenchProfile profile) => profile with
    {
        StartRate = Rate ?? profile.StartRate,
        StepDuration = Seconds is { } s ? TimeSpan.FromSeconds(s) : profile.StepDuration,
        DirectUsers = Users ?? profile.DirectUsers,
    };

    public static BenchArguments Parse(string[] args)
    {
        string? docs = null, work = null, server = null;
        double? rate = null, seconds = null;
        int? users = null;
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
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
            i++;
        }
        return new BenchArguments(docs, work, server, rate, seconds, users);
    }
}
