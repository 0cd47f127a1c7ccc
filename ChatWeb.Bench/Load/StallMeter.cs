using System.Diagnostics;

namespace ChatWeb.Bench.Load;

/// <summary>
/// The largest stall of a step: the longest stretch of time during which at least one message was
/// due and not yet acknowledged, and no acknowledgement arrived. A server that answers steadily
/// shows about its latency here; one that stops answering for 200 ms while messages keep falling
/// due shows 200 ms, however few messages that touched.
/// </summary>
internal static class StallMeter
{
    /// <summary>
    /// From each acknowledged message's due time and acknowledgement time (Stopwatch ticks).
    /// Between two consecutive acknowledgements at a and b, the server owed something from the
    /// later of a and the earliest due time of any message acknowledged at b or after; before the
    /// first acknowledgement, from the first due time.
    /// </summary>
    public static TimeSpan Largest(IEnumerable<(long Due, long Acked)> messages) => LargestWindow(messages).Length;

    /// <summary>The largest stall and when it began (Stopwatch ticks), to lay beside what the server's runtime did then.</summary>
    public static (TimeSpan Length, long From) LargestWindow(IEnumerable<(long Due, long Acked)> messages)
    {
        var byAck = messages.OrderBy(m => m.Acked).ToArray();
        var largest = 0L;
        var from = 0L;
        var earliestDueFromHere = long.MaxValue;
        var suffixMinimum = new long[byAck.Length];
        for (var k = byAck.Length - 1; k >= 0; k--)
        {
            earliestDueFromHere = Math.Min(earliestDueFromHere, byAck[k].Due);
            suffixMinimum[k] = earliestDueFromHere;
        }
        for (var k = 0; k < byAck.Length; k++)
        {
            var owedSince = k == 0 ? suffixMinimum[k] : Math.Max(byAck[k - 1].Acked, suffixMinimum[k]);
            if (byAck[k].Acked - owedSince > largest)
            {
                (largest, from) = (byAck[k].Acked - owedSince, owedSince);
            }
        }
        return (TimeSpan.FromSeconds(largest / (double)Stopwatch.Frequency), from);
    }
}
