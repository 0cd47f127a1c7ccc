using ChatWeb.Domain.Chat;

namespace ChatWeb.Domain.Data.Sqlite;

/// <summary>
/// Answers ended batches once they are on disk, from a thread of its own, so the writer commits the
/// next batch while the disk takes the last. With SQLite flushing its log inside every commit, the
/// writer sat through each flush (most of its time at a few thousand messages a second) and could
/// not start the next batch meanwhile. One flush here covers every batch committed before it began,
/// so a busy second takes fewer flushes, not more. Batches are answered in the order they ended.
/// </summary>
internal sealed class CommitFlusher : IDisposable
{
    private readonly Action flush;
    private readonly Thread thread;
    private readonly object gate = new();
    private List<Action<Exception?>> waiting = [];
    private bool stopping;

    /// <param name="flush">Makes everything committed so far durable; runs on the flusher's thread only.</param>
    public CommitFlusher(Action flush)
    {
        this.flush = flush;
        thread = new Thread(Run) { IsBackground = true, Name = "ChatWeb commit flusher" };
        thread.Start();
    }

    /// <summary>Queues an ended batch's answer: called after the next flush, with null, or with the flush's error.</summary>
    public void Answer(Action<Exception?> answer)
    {
        lock (gate)
        {
            waiting.Add(answer);
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
        List<Action<Exception?>> taken = [];
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

    private void FlushAndAnswer(List<Action<Exception?>> answers)
    {
        Exception? error = null;
        var started = SendPathEvents.Log.Start();
        try
        {
            flush();
        }
        catch (Exception ex)
        {
            // No stored message of these batches is acknowledged; their senders send again.
            error = ex;
        }
        if (started != 0)
        {
            SendPathEvents.Log.Flushed(answers.Count, SendPathEvents.Elapsed(started));
        }
        foreach (var answer in answers)
        {
            answer(error);
        }
    }
}
