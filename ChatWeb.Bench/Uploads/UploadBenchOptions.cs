namespace ChatWeb.Bench.Uploads;

internal sealed record UploadBenchOptions(string? DocsPath, string? WorkDirectory, string? ServerDll, int SizeMegabytes, int Parallel)
{
    public static UploadBenchOptions Parse(string[] args)
    {
        var options = new UploadBenchOptions(null, null, null, 25, 10);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--docs" => options with { DocsPath = args[i + 1] },
                "--work" => options with { WorkDirectory = args[i + 1] },
                "--server-dll" => options with { ServerDll = args[i + 1] },
                "--size-mb" => options with { SizeMegabytes = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) },
                "--parallel" => options with { Parallel = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        return options;
    }
}
