using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace ChatWeb.Bench.Diagnostics;

/// <summary>
/// Watches a server's runtime from outside while a step runs, through the documented diagnostics
/// port (an EventPipe session, what dotnet-trace uses): every pause of the execution engine and the
/// collection inside it, lock contention, and thread-pool threads injected for starvation. The
/// events chosen are the runtime's informational ones, a few hundred a second at most, so watching
/// costs the server next to nothing. Stop it to get the <see cref="RuntimeReport"/>.
/// </summary>
internal sealed class RuntimeWatch : IAsyncDisposable
{
    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";

    /// <summary>The chat server's own send-path timings (a relay has no such provider; asking costs nothing).</summary>
    private const string SendPathProvider = "ChatWeb-SendPath";
    private readonly EventPipeSession session;
    private readonly EventPipeEventSource source;
    private readonly Task processing;
    private readonly List<GcPause> pauses = [];
    private readonly Dictionary<int, DateTime> contendedSince = [];
    private readonly List<double> contentionMs = [];
    private readonly List<SendPathSpan> sendPath = [];
    private DateTime? suspendedAt;
    private (int Generation, string Type)? collection;
    private long promoted;
    private int starvation;
    private double allocatedBytes;

    private RuntimeWatch(EventPipeSession session)
    {
        this.session = session;
        source = new EventPipeEventSource(session.EventStream);
        source.Clr.GCSuspendEEStart += e => suspendedAt = e.TimeStamp.ToUniversalTime();
        source.Clr.GCStart += e => collection = (e.Depth, e.Type.ToString());
        source.Clr.GCHeapStats += e => promoted = e.TotalPromotedSize0 + e.TotalPromotedSize1 + e.TotalPromotedSize2;
        source.Clr.GCRestartEEStop += OnRestarted;
        source.Clr.ContentionStart += e => contendedSince[e.ThreadID] = e.TimeStamp;
        source.Clr.ContentionStop += e =>
        {
            if (contendedSince.Remove(e.ThreadID, out var since))
            {
                contentionMs.Add((e.TimeStamp - since).TotalMilliseconds);
            }
        };
        source.Clr.ThreadPoolWorkerThreadAdjustmentAdjustment += e =>
            starvation += e.Reason == ThreadAdjustmentReason.Starvation ? 1 : 0;
        source.Dynamic.All += OnDynamicEvent;
        processing = Task.Run(source.Process);
    }

    public static RuntimeWatch Start(int pid)
    {
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.Contention | ClrTraceEventParser.Keywords.Threading);
        var session = new DiagnosticsClient(pid).StartEventPipeSession(
            [
                new EventPipeProvider(RuntimeProvider, EventLevel.Informational, keywords),
                // The runtime's own counters, once a second: the allocation rate among them.
                new EventPipeProvider("System.Runtime", EventLevel.Informational, 0, new Dictionary<string, string> { ["EventCounterIntervalSec"] = "1" }),
                new EventPipeProvider(SendPathProvider, EventLevel.Informational),
            ],
            requestRundown: false);
        return new RuntimeWatch(session);
    }

    /// <summary>Ends the session and reads what it saw (events still in flight are processed first).</summary>
    public async Task<RuntimeReport> StopAsync()
    {
        await session.StopAsync(CancellationToken.None);
        await processing.WaitAsync(TimeSpan.FromSeconds(30));
        return new RuntimeReport([.. pauses], [.. contentionMs], starvation) { AllocatedBytes = (long)allocatedBytes, SendPath = [.. sendPath] };
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await session.StopAsync(CancellationToken.None);
        }
        catch (Exception)
        {
            // The server may already be gone; there is nothing left to stop.
        }
        source.Dispose();
        session.Dispose();
    }

    /// <summary>The events that are not the runtime's own: the send path's, and the runtime's counters.</summary>
    private void OnDynamicEvent(TraceEvent e)
    {
        if (e.ProviderName == SendPathProvider)
        {
            OnSendPath(e);
        }
        else if (e.EventName == "EventCounters")
        {
            OnCounter(e);
        }
    }

    /// <summary>Keeps a send-path span; each event is written when its piece ends, so it started that much earlier.</summary>
    private void OnSendPath(TraceEvent e)
    {
        (string Kind, int Count)? span = e.EventName switch
        {
            "BatchStored" => (SendPathSpan.Batch, Int(e.PayloadByName("sends"))),
            "Flushed" => (SendPathSpan.Flush, Int(e.PayloadByName("batches"))),
            "CheckpointCopied" => (e.PayloadByName("byWriter") is true ? SendPathSpan.CheckpointByWriter : SendPathSpan.CheckpointBeside, 0),
            _ => null,
        };
        if (span is { } s)
        {
            var milliseconds = Convert.ToDouble(e.PayloadByName("milliseconds"), CultureInfo.InvariantCulture);
            sendPath.Add(new SendPathSpan(s.Kind, e.TimeStamp.ToUniversalTime().AddMilliseconds(-milliseconds), milliseconds, s.Count));
        }
    }

    /// <summary>Adds up the runtime's "alloc-rate" counter: the bytes allocated in each interval.</summary>
    private void OnCounter(TraceEvent e)
    {
        if (e.PayloadValue(0) is IDictionary<string, object> outer && outer.TryGetValue("Payload", out var inner)
            && inner is IDictionary<string, object> counter && counter.TryGetValue("Name", out var name)
            && name as string == "alloc-rate" && counter.TryGetValue("Increment", out var increment))
        {
            allocatedBytes += Convert.ToDouble(increment, CultureInfo.InvariantCulture);
        }
    }

    private static int Int(object value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);

    /// <summary>
    /// A pause runs from the suspension of managed threads to their restart. A background
    /// collection pauses briefly at its start and end and runs concurrently in between; a pause
    /// with no collection in it (a suspension for something else) is kept with generation −1.
    /// </summary>
    private void OnRestarted(GCNoUserDataTraceData e)
    {
        if (suspendedAt is { } start)
        {
            var (generation, type) = collection ?? (-1, "none");
            pauses.Add(new GcPause(start, (e.TimeStamp.ToUniversalTime() - start).TotalMilliseconds, generation, type, promoted));
        }
        suspendedAt = null;
        collection = null;
        promoted = 0;
    }
}
