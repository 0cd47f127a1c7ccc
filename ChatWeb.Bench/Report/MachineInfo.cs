namespace ChatWeb.Bench.Report;

internal static class MachineInfo
{
    public static string Describe()
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{Environment.ProcessorCount} cores / {memory:F0} GiB, {OsName()}, .NET {Environment.Version}";
    }

    /// <summary>The 1-minute load average: on a shared two-core machine, the context every figure needs.</summary>
    public static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? File.ReadAllText(path).Split(' ')[0] : "?";
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
