using ChatWeb.Bench.Clients;
using ChatWeb.Bench.Hosting;

namespace ChatWeb.Bench.Scenarios;

/// <summary>Server working set with no hub connections, then with N idle ones (default options).</summary>
internal sealed record MemoryResult(int Connections, long IdleBytes, long ConnectedBytes)
{
    public double BytesPerConnection => (ConnectedBytes - IdleBytes) / (double)Connections;
}

internal static class MemoryScenario
{
    /// <summary>The connections stay open in the pool for the phases after this one.</summary>
    public static async Task<MemoryResult> RunAsync(ServerProcess server, IChatTarget target, PeerPool pool, int connections, TimeSpan settle, int samples)
    {
        await Task.Delay(settle);
        var idle = await QuietestAsync(server, samples);
        await pool.EnsureAsync(connections, ClientOptions.Default);
        await Task.Delay(settle);
        var connected = await QuietestAsync(server, samples);
        if (pool.AnyDropped)
        {
            throw new InvalidOperationException("An idle connection dropped during the memory phase.");
        }
        var result = new MemoryResult(connections, idle, connected);
        Console.WriteLine($"  {target.Name,-8} working set {idle / 1048576.0:F1} MiB idle, {connected / 1048576.0:F1} MiB with {connections} connections: {result.BytesPerConnection / 1024:F1} KiB each");
        return result;
    }

    /// <summary>
    /// The lowest of a few readings a second apart: garbage not yet collected only ever adds, so
    /// the minimum is the closest to what the connections really hold.
    /// </summary>
    private static async Task<long> QuietestAsync(ServerProcess server, int samples)
    {
        var lowest = server.WorkingSetBytes();
        for (var i = 1; i < samples; i++)
        {
            await Task.Delay(1000);
            lowest = Math.Min(lowest, server.WorkingSetBytes());
        }
        return lowest;
    }
}
