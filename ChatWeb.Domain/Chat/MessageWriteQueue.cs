using System.Threading.Channels;
using ChatWeb.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// Group commit for the send path. Concurrent sends queue here; one writer takes everything that
/// is waiting (up to <see cref="MaxBatchSize"/>), stores it in one transaction with one commit,
/// and only then completes each caller. On SQLite a commit is an fsync and the write lock is
/// global, so one commit per message caps the whole server at the disk's fsync rate; sharing it
/// multiplies throughput without weakening the protocol: every acknowledged message is committed.
/// </summary>
internal sealed class MessageWriteQueue : IDisposable
{
    /// <summary>
    /// Enough for a burst to share a commit; small enough to keep one transaction short. The batch's
    /// statements carry a few parameters per send, and SQLite binds parameters by name (a linear
    /// search each), so a batch costs more than linearly in its size: past this, two commits are cheaper.
    /// </summary>
    public const int MaxBatchSize = 64;

    private readonly Channel<PendingSend> pending = Channel.CreateUnbounded<PendingSend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDbContextFactory<ChatDbContext> dbFactory;
    private readonly TimeProvider clock;

    public MessageWriteQueue(IDbContextFactory<ChatDbContext> dbFactory, TimeProvider clock)
    {
        this.dbFactory = dbFactory;
        this.clock = clock;
        // The writer owns a thread of its own and calls the database synchronously: its statements
        // block on the disk (Microsoft.Data.Sqlite is synchronous even behind its async API), and a
        // pool thread held there is one fewer for the hub, the sockets and the callers' continuations.
        new Thread(WriteLoop) { IsBackground = true, Name = "ChatWeb message writer" }.Start();
    }

    public Task<StoredMessage> StoreAsync(string userId, Guid threadId, string clientMessageId, string body, CancellationToken ct)
    {
        var send = new PendingSend(userId, threadId, clientMessageId, body);
        if (!pending.Writer.TryWrite(send))
        {
            throw new ObjectDisposedException(nameof(MessageService), "The message writer has stopped.");
        }
        // Once queued the write goes ahead; a cancelled caller only stops waiting for it.
        return send.Result.WaitAsync(ct);
    }

    public void Dispose() => pending.Writer.TryComplete();

    private void WriteLoop()
    {
        var batch = new List<PendingSend>(MaxBatchSize);
        while (WaitForSends())
        {
            // No waiting to fill a batch: whatever queued during the previous commit is the next batch.
            while (batch.Count < MaxBatchSize && pending.Reader.TryRead(out var send))
            {
                batch.Add(send);
            }
            Write(batch);
            batch.Clear();
        }
    }

    private bool WaitForSends()
    {
        var ready = pending.Reader.WaitToReadAsync();
        return ready.IsCompletedSuccessfully ? ready.Result : ready.AsTask().GetAwaiter().GetResult();
    }

    private void Write(List<PendingSend> batch)
    {
        try
        {
            using var db = dbFactory.CreateDbContext();
            var outcomes = MessageBatchWriter.Write(db, batch, clock.GetUtcNow().UtcDateTime);
            Complete(batch, outcomes);
        }
        catch (Exception)
        {
            // The batch rolled back as a whole (a race with another node on the same client id, a
            // deadlock, I/O). Retry each send in its own transaction so a bad one fails only itself.
            foreach (var send in batch)
            {
                WriteAlone(send);
            }
        }
    }

    private void WriteAlone(PendingSend send)
    {
        using var db = dbFactory.CreateDbContext();
        try
        {
            var outcomes = MessageBatchWriter.Write(db, [send], clock.GetUtcNow().UtcDateTime);
            Complete([send], outcomes);
        }
        catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // A concurrent writer stored the same client message id first: answer with what it stored.
            var winner = MessageBatchWriter.FindByClientId(db, send.UserId, send.ClientMessageId);
            var outcome = winner is null
                ? new InvalidOperationException("Message vanished after a unique-key conflict.", ex)
                : MessageBatchWriter.Retry(winner, send.ThreadId);
            Complete([send], [outcome]);
        }
        catch (Exception ex)
        {
            send.Fail(ex);
        }
    }

    private static void Complete(IReadOnlyList<PendingSend> batch, IReadOnlyList<SendOutcome> outcomes)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i].Error is { } error)
            {
                batch[i].Fail(error);
            }
            else
            {
                batch[i].Complete(outcomes[i].Stored);
            }
        }
    }
}
