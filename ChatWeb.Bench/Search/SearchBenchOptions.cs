using System.Globalization;

namespace ChatWeb.Bench.Search;

/// <summary>
/// The search bench's size: <c>--messages</c> in <c>--threads</c> threads, the searcher a member of
/// <c>--member-of</c> of them; <c>--queries</c> searches timed; <c>--work</c> keeps the seeded file
/// (reused when it exists with the same size, since seeding a million messages takes minutes).
/// </summary>
internal sealed record SearchBenchOptions(string WorkDirectory, int Messages, int Threads, int MemberOf, int Queries)
{
    public static SearchBenchOptions Parse(string[] args)
    {
        var options = new SearchBenchOptions(Path.Combine(Path.GetTempPath(), "chatweb-search-bench"), 1_000_000, 10_000, 100, 2_000);
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--work" => options with { WorkDirectory = value },
                "--messages" => options with { Messages = Int(value) },
                "--threads" => options with { Threads = Int(value) },
                "--member-of" => options with { MemberOf = Int(value) },
                "--queries" => options with { Queries = Int(value) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        return options;
    }

    public string DatabasePath => Path.Combine(WorkDirectory, $"search-{Messages}-{Threads}-{MemberOf}.db");

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
