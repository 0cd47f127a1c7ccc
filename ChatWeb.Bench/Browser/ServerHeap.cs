using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace ChatWeb.Bench.Browser;

/// <summary>A reading of the server's memory after a forced, full, blocking collection.</summary>
internal sealed record MemoryReading(int Pages, long ResidentBytes, long ManagedHeapBytes, string LoadAverage = "?");

/// <summary>
/// Settles the server and reads its memory from outside, through the runtime's documented
/// diagnostics port: an EventPipe session with the GC heap-collect keyword makes the runtime run a
/// full blocking collection (what dotnet-gcdump does), and the GC's own heap statistics event
/// after it gives the managed heap's size. The resident set is read from /proc afterwards.
/// </summary>
internal static class ServerHeap
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<MemoryReading> ReadAsync(int pid, int pages, Func<long> residentBytes)
    {
        // Twice: the first collection may only finish what finalizers held on to.
        await CollectAsync(pid);
        var heap = await CollectAsync(pid);
        // The lowest of a few readings a second apart: the collector gives pages back over the next moments.
        var resident = residentBytes();
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(1000);
            resident = Math.Min(resident, residentBytes());
        }
        return new MemoryReading(pages, resident, heap);
    }

    /// <summary>Runs one induced full collection in the process; returns the heap size the runtime reported after it.</summary>
    public static async Task<long> CollectAsync(int pid)
    {
        var client = new DiagnosticsClient(pid);
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        using var session = client.StartEventPipeSession(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, keywords)], requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        var induced = false;
        var heap = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        source.Clr.GCStart += e => induced |= e.Depth == 2 && e.Reason is GCReason.Induced or GCReason.InducedNotForced or GCReason.InducedCompacting;
        source.Clr.GCHeapStats += e =>
        {
            if (induced)
            {
                heap.TrySetResult(e.TotalHeapSize);
            }
        };
        var processing = Task.Run(source.Process);
        try
        {
            return await heap.Task.WaitAsync(Patience);
        }
        finally
        {
            await session.StopAsync(CancellationToken.None);
            await processing;
        }
    }
}
