namespace ChatWeb.Domain.Chat;

/// <summary>
/// Answers committed batches once they are on disk, from a thread of its own, so the writer commits
/// the next batch while the disk takes the last. With SQLite flushing its log inside every commit,
/// the writer sat through each flush (most of its time at a few thousand messages a second) and
/// could not start the next batch meanwhile. One flush here covers every batch committed before it
/// began, so a busy second takes fewer flushes, not more. Batches are answered in commit order.
/// </summary>
internal sealed class CommitFlusher : IDisposable
{
    private readonly Action flush;
    private readonly Thread thread;
    private readonly object gate = new();
    private List<CommittedBatch> waiting = [];
    private bool stopping;

    /// <param name="flush">Makes everything committed so far durable; runs on the flusher's thread only.</param>
    public CommitFlusher(Action flush)
    {
        this.flush = flush;
        thread = new Thread(Run) { IsBackground = true, Name = "ChatWeb commit flusher" };
        thread.Start();
    }

    /// <summary>Queues a committed batch; its callers are answered after the next flush.</summary>
    public void Answer(CommittedBatch batch)
    {
        lock (gate)
        {
            waiting.Add(batch);
            Monitor.Pulse(gate);
        }
    }

    /// <summary>Flushes and answers everything queued, then stops.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            stopping = true;
            Monitor.Pulse(gate);
        }
        thread.Join();
    }

    private void Run()
    {
        List<CommittedBatch> taken = [];
        while (true)
        {
            lock (gate)
            {
                while (waiting.Count == 0 && !stopping)
                {
                    Monitor.Wait(gate);
                }
                if (waiting.Count == 0)
                {
                    return;
                }
                (taken, waiting) = (waiting, taken);
            }
            FlushAndAnswer(taken);
            taken.Clear();
        }
    }

    private void FlushAndAnswer(List<CommittedBatch> batches)
    {
        try
        {
            flush();
        }
        catch (Exception ex)
        {
            foreach (var batch in batches)
            {
                batch.Fail(ex);
            }
            return;
        }
        foreach (var batch in batches)
        {
            batch.Answer();
        }
    }
}
