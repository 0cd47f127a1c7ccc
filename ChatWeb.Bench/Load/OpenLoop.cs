using System.Diagnostics;
using ChatWeb.Bench.Clients;

namespace ChatWeb.Bench.Load;

/// <summary>
/// Sends on a fixed schedule whatever the server's answers do (open loop), and counts latency from
/// each message's intended send time, so a server that falls behind cannot hide it by slowing the
/// sender. Bounded: a fixed number of messages, then a wait for them to settle that ends when the
/// server stops making progress.
/// </summary>
internal sealed class OpenLoop(IChatTarget target, LedgerBook book)
{
    /// <summary>About a tweet, the size of a typical chat line.</summary>
    public const string Body = "Load test message: the quick brown fox jumps over the lazy dog 0123456789.";

    /// <summary>How long the drain waits without a single answer or delivery before it gives up.</summary>
    private static readonly TimeSpan DrainStall = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan CheckEvery = TimeSpan.FromMilliseconds(100);

    /// <param name="stopWhenMissed">
    /// Stop sending once the step can no longer be sustained (<see cref="StepLedger.CertainlyMissed"/>):
    /// the verdict is already certain, and a backlog built for the rest of the step would only
    /// spill into the next one. Used by the rate search; fixed-rate steps always run to the end.
    /// </param>
    public async Task<StepResult> RunAsync(string label, IReadOnlyList<MessageRoute> routes, double rate, TimeSpan duration, bool stopWhenMissed = false)
    {
        var count = Math.Max(1, (int)Math.Round(rate * duration.TotalSeconds));
        // The first tenth settles connections and caches after the rate change; it is sent and checked, not timed.
        var ledger = book.Begin(routes, count, warmup: count / 10);
        var (sendSeconds, stopped) = await Task.Factory.StartNew(() => Schedule(ledger, routes, rate, stopWhenMissed), TaskCreationOptions.LongRunning);
        await DrainAsync(ledger, TimeSpan.FromSeconds(sendSeconds));
        var result = ledger.Summarize(label, rate, sendSeconds, stopped);
        Console.WriteLine($"  {target.Name,-8} {result}");
        book.WriteSeries(ledger, $"{target.Name}-{ledger.Step:D3}-{label.Replace(' ', '-')}-{rate:0}");
        return result;
    }

    /// <summary>
    /// Waits while the server still answers: a slow server gets all the time it needs to work off
    /// its backlog (being slow is not losing messages), a silent one 30 s, and none more than
    /// four times the sending window on top.
    /// </summary>
    private static async Task DrainAsync(StepLedger ledger, TimeSpan sending)
    {
        var started = Stopwatch.GetTimestamp();
        var (lastProgress, lastMoved) = (ledger.Progress, started);
        while (!ledger.IsSettled() && Stopwatch.GetElapsedTime(started) < DrainStall + 4 * sending)
        {
            await Task.Delay(50);
            var progress = ledger.Progress;
            if (progress != lastProgress)
            {
                (lastProgress, lastMoved) = (progress, Stopwatch.GetTimestamp());
            }
            else if (Stopwatch.GetElapsedTime(lastMoved) > DrainStall)
            {
                return;
            }
        }
    }

    private (double Seconds, bool Stopped) Schedule(StepLedger ledger, IReadOnlyList<MessageRoute> routes, double rate, bool stopWhenMissed)
    {
        var ticksPerMessage = Stopwatch.Frequency / rate;
        var checkTicks = (long)(CheckEvery.TotalSeconds * Stopwatch.Frequency);
        var start = Stopwatch.GetTimestamp();
        var nextCheck = start + checkTicks;
        for (var i = 0; i < ledger.Count; i++)
        {
            var due = start + (long)(i * ticksPerMessage);
            // Sleep-based pacing: a message may leave up to about a millisecond late, never early,
            // and that lateness is part of its measured latency.
            while (Stopwatch.GetTimestamp() < due)
            {
                Thread.Sleep(1);
            }
            if (stopWhenMissed && due >= nextCheck)
            {
                nextCheck = due + checkTicks;
                if (ledger.CertainlyMissed)
                {
                    return (Stopwatch.GetElapsedTime(start).TotalSeconds, true);
                }
            }
            var routeIndex = i % routes.Count;
            var route = routes[routeIndex];
            var sender = route.Senders[i / routes.Count % route.Senders.Count];
            ledger.Plan(i, due, routeIndex, sender);
            _ = SendOneAsync(ledger, i, route, sender);
        }
        // The window the schedule covered: count / rate, unless sending itself fell behind.
        return (Math.Max(ledger.Count / rate, Stopwatch.GetElapsedTime(start).TotalSeconds), false);
    }

    private async Task SendOneAsync(StepLedger ledger, int i, MessageRoute route, BenchPeer sender)
    {
        try
        {
            var ack = await target.SendAsync(sender, route.Id, ledger.ClientId(i), Body);
            ledger.Acknowledge(i, ack, Stopwatch.GetTimestamp(), target.AssignsSeq);
        }
        catch (Exception ex)
        {
            ledger.Fail(i, ex);
        }
    }
}
