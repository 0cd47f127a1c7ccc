namespace ChatWeb.Bench;

/// <summary>Command-line options shared by the full and smoke runs.</summary>
internal sealed record BenchArguments(string? DocsPath, string? WorkDirectory, string? ServerDll)
{
    public static BenchArguments Parse(string[] args)
    {
        string? docs = null, work = null, server = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--docs": docs = value; break;
                case "--work": work = value; break;
                case "--server-dll": server = value; break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
            i++;
        }
        return new BenchArguments(docs, work, server);
    }
}
