using System.Collections.Concurrent;
using System.Diagnostics;
using ChatWeb.Bench.Baseline;
using ChatWeb.Bench.Clients;

namespace ChatWeb.Bench.Load;

/// <summary>
/// All steps of a run. Deliveries find their step by the client message id ("s{step}-{index}"),
/// so a late delivery still lands in the right ledger and anything unrecognised is counted.
/// </summary>
internal sealed class LedgerBook
{
    private readonly ConcurrentDictionary<int, StepLedger> steps = new();
    private int lastStep;
    private int strays;

    public int Strays => Volatile.Read(ref strays);

    public IEnumerable<StepLedger> Steps => steps.Values.OrderBy(s => s.Step);

    public StepLedger Begin(IReadOnlyList<MessageRoute> routes, int count, int warmup)
    {
        var ledger = new StepLedger(Interlocked.Increment(ref lastStep), routes, count, warmup);
        steps[ledger.Step] = ledger;
        return ledger;
    }

    /// <summary>The MessageReceived handler of every bench connection.</summary>
    public void OnMessage(BenchPeer peer, WireMessage message)
    {
        var now = Stopwatch.GetTimestamp();
        if (TryParse(message.ClientMessageId, out var step, out var index) && steps.TryGetValue(step, out var ledger))
        {
            ledger.Deliver(index, peer, message, now);
        }
        else
        {
            Interlocked.Increment(ref strays);
        }
    }

    private static bool TryParse(string? clientMessageId, out int step, out int index)
    {
        (step, index) = (0, 0);
        var id = clientMessageId.AsSpan();
        var dash = id.IndexOf('-');
        return id.Length > 2 && id[0] == 's' && dash > 1
            && int.TryParse(id[1..dash], out step) && int.TryParse(id[(dash + 1)..], out index);
    }
}
