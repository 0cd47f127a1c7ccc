using System.Diagnostics;
using ChatWeb.Bench.Clients;

namespace ChatWeb.Bench.Load;

/// <summary>
/// Sends on a fixed schedule whatever the server's answers do (open loop), and counts latency from
/// each message's intended send time, so a server that falls behind cannot hide it by slowing the
/// sender. Bounded: a fixed number of messages, then a bounded wait for them to settle.
/// </summary>
internal sealed class OpenLoop(IChatTarget target, LedgerBook book)
{
    /// <summary>About a tweet, the size of a typical chat line.</summary>
    public const string Body = "Load test message: the quick brown fox jumps over the lazy dog 0123456789.";

    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(30);

    public async Task<StepResult> RunAsync(string label, IReadOnlyList<MessageRoute> routes, double rate, TimeSpan duration)
    {
        var count = Math.Max(1, (int)Math.Round(rate * duration.TotalSeconds));
        // The first tenth settles connections and caches after the rate change; it is sent and checked, not timed.
        var ledger = book.Begin(routes, count, warmup: count / 10);
        var sendSeconds = await Task.Factory.StartNew(() => Schedule(ledger, routes, rate), TaskCreationOptions.LongRunning);

        var deadline = Stopwatch.GetTimestamp() + (long)(DrainLimit.TotalSeconds * Stopwatch.Frequency);
        while (!ledger.IsSettled() && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(20);
        }
        var result = ledger.Summarize(label, rate, sendSeconds);
        Console.WriteLine($"  {target.Name,-8} {result}");
        book.WriteSeries(ledger, $"{target.Name}-{ledger.Step:D3}-{label.Replace(' ', '-')}-{rate:0}");
        return result;
    }

    private double Schedule(StepLedger ledger, IReadOnlyList<MessageRoute> routes, double rate)
    {
        var ticksPerMessage = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < ledger.Count; i++)
        {
            var due = start + (long)(i * ticksPerMessage);
            // Sleep-based pacing: a message may leave up to about a millisecond late, never early,
            // and that lateness is part of its measured latency.
            while (Stopwatch.GetTimestamp() < due)
            {
                Thread.Sleep(1);
            }
            var routeIndex = i % routes.Count;
            var route = routes[routeIndex];
            var sender = route.Senders[i / routes.Count % route.Senders.Count];
            ledger.Plan(i, due, routeIndex, sender);
            _ = SendOneAsync(ledger, i, route, sender);
        }
        // The window the schedule covered: count / rate, unless sending itself fell behind.
        return Math.Max(ledger.Count / rate, Stopwatch.GetElapsedTime(start).TotalSeconds);
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
