using ChatWeb.Bench.Clients;

namespace ChatWeb.Bench.Load;

/// <summary>
/// The run's correctness: every acknowledged message reached every member connection exactly once,
/// with the acknowledged seq, and each thread's seqs run 1..N. Any breach fails the run loudly.
/// </summary>
internal sealed class Verdict(bool failOnRefusedSends)
{
    private readonly List<string> problems = [];

    public long MessagesChecked { get; private set; }
    public long DeliveriesChecked { get; private set; }
    public IReadOnlyList<string> Problems => problems;
    public bool Passed => problems.Count == 0;

    public void Check(IChatTarget target, LedgerBook book, IEnumerable<MessageRoute> routes, bool anyDropped)
    {
        foreach (var ledger in book.Steps)
        {
            var step = ledger.Summarize($"step {ledger.Step}", 0, 1);
            MessagesChecked += step.Acked;
            DeliveriesChecked += (long)step.Acked * step.DeliveriesPerMessage;
            if (!step.Correct)
            {
                problems.Add($"{target.Name} step {ledger.Step}: {step.Lost} lost, {step.Duplicates} duplicated, {step.Strays} unexplained, settled={step.Settled}");
            }
            if (failOnRefusedSends && step.Failed > 0)
            {
                problems.Add($"{target.Name} step {ledger.Step}: {step.Failed} sends failed ({step.FirstError})");
            }
        }
        if (book.Strays > 0)
        {
            problems.Add($"{target.Name}: {book.Strays} deliveries of messages the bench never sent");
        }
        if (target.AssignsSeq)
        {
            problems.AddRange(routes.Select(r => r.SeqProblem()).OfType<string>().Select(p => $"{target.Name}: {p}"));
        }
        if (anyDropped)
        {
            problems.Add($"{target.Name}: a connection dropped during the run");
        }
    }

    public void Print()
    {
        Console.WriteLine(Passed
            ? $"CORRECTNESS OK: {MessagesChecked:N0} acknowledged messages, {DeliveriesChecked:N0} deliveries, none lost, none duplicated"
            : "CORRECTNESS FAILED:\n  " + string.Join("\n  ", problems));
    }
}
