using System.Diagnostics;
using ChatWeb.Bench.Hosting;
using ChatWeb.Bench.Report;
using ChatWeb.Bench.Clients;

namespace ChatWeb.Bench.Browser;

/// <summary>
/// One memory reading of the server at a page count: settled first (the presence writes of sign-ins
/// and page loads, then a moment for the circuits to go quiet), then read after forced full
/// collections (<see cref="ServerHeap"/>). With the dotnet-gcdump tool given, a heap snapshot of the
/// server is left in the work folder beside each reading, for "where does it go".
/// </summary>
internal sealed class MemoryProbe(ServerProcess server, AppTarget target, string? gcdumpTool, string work)
{
    public async Task<MemoryReading> ReadAsync(int pages, string label)
    {
        await target.SettleAsync();
        await Task.Delay(TimeSpan.FromSeconds(5));
        var reading = await ServerHeap.ReadAsync(server.Pid, pages, server.WorkingSetBytes) with { LoadAverage = MachineInfo.LoadAverage() };
        Console.WriteLine($"  {pages} pages ({label}): resident {reading.ResidentBytes / 1048576.0:F1} MiB, managed heap {reading.ManagedHeapBytes / 1048576.0:F1} MiB, load {reading.LoadAverage}");
        if (gcdumpTool is not null)
        {
            await DumpAsync(Path.Combine(work, $"server-{pages}-{label}.gcdump"));
        }
        return reading;
    }

    private async Task DumpAsync(string file)
    {
        var info = new ProcessStartInfo(gcdumpTool!) { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in new[] { "collect", "-p", server.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", file })
        {
            info.ArgumentList.Add(argument);
        }
        using var dump = Process.Start(info) ?? throw new InvalidOperationException($"{gcdumpTool} did not start.");
        await dump.StandardOutput.ReadToEndAsync();
        await dump.WaitForExitAsync();
        Console.WriteLine(dump.ExitCode == 0 ? $"  heap snapshot: {file}" : $"  heap snapshot failed (exit code {dump.ExitCode})");
    }
}
