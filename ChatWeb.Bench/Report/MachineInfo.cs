namespace ChatWeb.Bench.Report;

internal static class MachineInfo
{
    public static string Describe()
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{Environment.ProcessorCount} cores / {memory:F0} GiB, {OsName()}, .NET {Environment.Version}";
    }

    private static string OsName()
    {
        const string release = "/etc/os-release";
        var pretty = File.Exists(release)
            ? File.ReadLines(release).FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
            : null;
        return pretty?["PRETTY_NAME=".Length..].Trim('"') ?? System.Runtime.InteropServices.RuntimeInformation.OSDescription;
    }
}
