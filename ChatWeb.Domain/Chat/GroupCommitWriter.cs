using System.Threading.Channels;
using ChatWeb.Domain.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// Group commit for the send path, one per process, run by the host. Concurrent sends queue here;
/// the writer takes everything that is waiting (up to the store's batch size), stores it in one
/// transaction by <see cref="SendProtocol"/>, and completes each caller only once that transaction
/// is durable. A commit costs a flush to disk (SQLite) or a round trip (SQL Server) whatever its
/// size, so one per message would cap the server at that rate; sharing it weakens nothing: every
/// acknowledged message is committed and durable.
/// </summary>
internal sealed class GroupCommitWriter(IMessageStore store, TimeProvider clock, ILogger<GroupCommitWriter> logger) : IHostedService, IDisposable
{
    private readonly Channel<PendingSend> pending = Channel.CreateUnbounded<PendingSend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile Thread? writer;

    // The writer's connection, kept from batch to batch; only the writer thread touches it.
    private IMessageStoreSession? session;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A thread of its own, not a pool thread: the writer spends its life blocked in the database
        // (Microsoft.Data.Sqlite is synchronous even behind its async API, and a SQL Server batch waits
        // on the network), and a pool thread held there is one fewer for the hub, the sockets and the
        // callers' continuations. The synchronous calls are also cheaper than the async path.
        var thread = new Thread(WriteLoop) { IsBackground = true, Name = "ChatWeb message writer" };
        if (Interlocked.CompareExchange(ref writer, thread, null) is null)
        {
            thread.Start();
        }
        return Task.CompletedTask;
    }

    /// <summary>Stops taking sends; what was queued is still stored and answered before the writer lets go of the database.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        pending.Writer.TryComplete();
        if (writer is not null)
        {
            await stopped.Task.WaitAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        pending.Writer.TryComplete();
        writer?.Join(TimeSpan.FromSeconds(10));
    }

    public Task<StoredMessage> StoreAsync(string userId, Guid threadId, string clientMessageId, string body, Guid? replyToId, CancellationToken ct) =>
        StoreAsync(new PendingSend(userId, threadId, clientMessageId, body, replyToId), ct);

    public Task<StoredMessage> StoreAsync(PendingSend send, CancellationToken ct)
    {
        if (writer is null)
        {
            throw new InvalidOperationException("The message writer has not started. It is a hosted service: start the host (or call its StartAsync) before sending.");
        }
        if (!pending.Writer.TryWrite(send))
        {
            throw ChatException.NotStored(new InvalidOperationException("The message writer has stopped: the server is shutting down."));
        }
        // Once queued the write goes ahead; a cancelled caller only stops waiting for it.
        return send.Result.WaitAsync(ct);
    }

    private void WriteLoop()
    {
        var batch = new List<PendingSend>(store.MaxBatchSize);
        try
        {
            while (WaitForSends())
            {
                // No waiting to fill a batch: whatever queued during the previous commit is the next batch.
                while (batch.Count < store.MaxBatchSize && pending.Reader.TryRead(out var send))
                {
                    batch.Add(send);
                }
                var started = SendPathEvents.Log.Start();
                Write(batch);
                if (started != 0)
                {
                    SendPathEvents.Log.BatchStored(batch.Count, SendPathEvents.Elapsed(started));
                }
                batch.Clear();
                AfterBatch();
            }
        }
        finally
        {
            // Every batch already ended is made durable and answered before the connection closes.
            CloseSession();
            stopped.TrySetResult();
        }
    }

    private bool WaitForSends()
    {
        var ready = pending.Reader.WaitToReadAsync();
        return ready.IsCompletedSuccessfully ? ready.Result : ready.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>
    /// Stores the batch. A batch that fails rolls back as a whole. A deadlock victim or a lost
    /// connection is tried once more as it is, on a fresh connection; anything else (or a second
    /// failure) is retried send by send, so a bad send fails only itself. A store that cannot be
    /// reached answers at once: each caller sends again with the same client message id.
    /// </summary>
    private void Write(List<PendingSend> batch)
    {
        var failure = TryStore(batch);
        if (failure is { Unreachable: false } && DbErrors.IsTransient(failure.Error))
        {
            failure = TryStore(batch);
        }
        if (failure is null)
        {
            return;
        }
        if (failure.Unreachable)
        {
            FailAll(batch, failure.Error);
            return;
        }
        for (var i = 0; i < batch.Count; i++)
        {
            var alone = TryStore([batch[i]]);
            if (alone is { Unreachable: false } && DbErrors.IsUniqueViolation(alone.Error))
            {
                // Another node stored the same client message id first: the protocol now finds it and answers with it.
                alone = TryStore([batch[i]]);
            }
            if (alone is null)
            {
                continue;
            }
            batch[i].Fail(ChatException.NotStored(alone.Error));
            if (alone.Unreachable)
            {
                FailAll(batch.Skip(i + 1), alone.Error);
                return;
            }
        }
    }

    /// <summary>Null once the sends are stored (their callers are answered when the batch is durable); otherwise why not.</summary>
    private Failure? TryStore(IReadOnlyList<PendingSend> sends)
    {
        IMessageStoreSession open;
        try
        {
            open = session ??= store.OpenSession();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The message store could not be opened; {Count} sends are answered as not stored.", sends.Count);
            return new Failure(ex, Unreachable: true);
        }
        try
        {
            var outcomes = SendProtocol.Store(open, sends, clock.GetUtcNow().UtcDateTime);
            // Answered in the order the batches ended, so a retry found in a later batch is never
            // confirmed before the send it repeats.
            open.WhenDurable(new CommittedBatch([.. sends], outcomes).Answer);
            return null;
        }
        catch (Exception ex)
        {
            CloseSession();
            if (DbErrors.IsTransient(ex) || DbErrors.IsUniqueViolation(ex))
            {
                logger.LogWarning("A batch of {Count} sends rolled back and is tried again: {Error}", sends.Count, ex.Message);
            }
            else
            {
                logger.LogError(ex, "A batch of {Count} sends rolled back and is tried again.", sends.Count);
            }
            return new Failure(ex, Unreachable: false);
        }
    }

    private static void FailAll(IEnumerable<PendingSend> sends, Exception cause)
    {
        foreach (var send in sends)
        {
            send.Fail(ChatException.NotStored(cause));
        }
    }

    private void AfterBatch()
    {
        try
        {
            session?.AfterBatch();
        }
        catch (Exception ex)
        {
            // Housekeeping failed (the disk, most likely); the batch before it is committed and
            // answered. A fresh session retries it after the next batch.
            logger.LogWarning("Housekeeping after a batch failed; the writer reopens its connection: {Error}", ex.Message);
            CloseSession();
        }
    }

    private void CloseSession()
    {
        var open = session;
        session = null;
        try
        {
            open?.Dispose();
        }
        catch (Exception ex)
        {
            // A connection that broke mid-batch may refuse to close cleanly; the next session opens a fresh one.
            logger.LogDebug("Closing the message store's connection failed: {Error}", ex.Message);
        }
    }

    private sealed record Failure(Exception Error, bool Unreachable);
}
