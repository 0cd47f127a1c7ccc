using System.Diagnostics;
using System.Diagnostics.Tracing;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// The send path's timings as runtime events (provider <c>ChatWeb-SendPath</c>), for a profiler
/// or the bench to lay beside a stall: how long each batch held the writer, each flush the disk,
/// each checkpoint copy the log. Nothing is measured unless a session listens (dotnet-trace,
/// dotnet-counters, an EventListener), so the cost with none is one flag read per batch.
/// </summary>
[EventSource(Name = "ChatWeb-SendPath")]
internal sealed class SendPathEvents : EventSource
{
    public static readonly SendPathEvents Log = new();

    private SendPathEvents()
    {
    }

    /// <summary>A start time when someone listens; 0 when no one does (and <see cref="Elapsed"/> is then never asked).</summary>
    [NonEvent]
    public long Start() => IsEnabled() ? Stopwatch.GetTimestamp() : 0;

    /// <summary>One batch stored: its sends and how long the writer spent on it, commit included.</summary>
    [Event(1, Level = EventLevel.Informational)]
    public void BatchStored(int sends, double milliseconds) => WriteEvent(1, sends, milliseconds);

    /// <summary>One flush of the log to disk, answering this many ended batches.</summary>
    [Event(2, Level = EventLevel.Informational)]
    public void Flushed(int batches, double milliseconds) => WriteEvent(2, batches, milliseconds);

    /// <summary>
    /// One checkpoint copy: by the writer between batches (<paramref name="byWriter"/>, its senders
    /// wait meanwhile) or by the checkpointer beside it.
    /// </summary>
    [Event(3, Level = EventLevel.Informational)]
    public void CheckpointCopied(bool byWriter, double milliseconds) => WriteEvent(3, byWriter, milliseconds);

    [NonEvent]
    public static double Elapsed(long start) => Stopwatch.GetElapsedTime(start).TotalMilliseconds;
}
