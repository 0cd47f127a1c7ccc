using System.Threading.Channels;
using ChatWeb.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// Group commit for the send path. Concurrent sends queue here; one writer takes everything that
/// is waiting (up to <see cref="IBatchStatements.MaxBatchSize"/>), stores it in one transaction
/// with one commit, and only then completes each caller. On SQLite the write lock is global and
/// every commit must reach the disk, so one commit per message caps the whole server at the disk's
/// fsync rate; sharing it multiplies throughput without weakening the protocol: every acknowledged
/// message is committed and on disk (on SQLite through <see cref="CommitFlusher"/>).
/// </summary>
internal sealed class MessageWriteQueue : IDisposable
{
    private readonly Channel<PendingSend> pending = Channel.CreateUnbounded<PendingSend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDbContextFactory<ChatDbContext> dbFactory;
    private readonly TimeProvider clock;
    private readonly Func<ChatDbContext, IBatchStatements> statementsFor;
    private readonly Thread writer;

    // The writer's context, connection and prepared statements, kept from batch to batch; only the
    // writer thread touches it. Replaced after a failed batch, in case the failure left it unusable.
    private (ChatDbContext Db, IBatchStatements Statements)? session;

    // Started with the first session whose commits need a flush; it flushes the same database's
    // log for every later session, since a session only ever reopens the same file.
    private CommitFlusher? flusher;

    /// <param name="statementsFor">How batches are written; by default per the provider (see <see cref="StatementsFor"/>).</param>
    public MessageWriteQueue(IDbContextFactory<ChatDbContext> dbFactory, TimeProvider clock, Func<ChatDbContext, IBatchStatements>? statementsFor = null)
    {
        this.dbFactory = dbFactory;
        this.clock = clock;
        this.statementsFor = statementsFor ?? StatementsFor;
        // The writer owns a thread of its own and calls the database synchronously: its statements
        // block on the disk (Microsoft.Data.Sqlite is synchronous even behind its async API), and a
        // pool thread held there is one fewer for the hub, the sockets and the callers' continuations.
        writer = new Thread(WriteLoop) { IsBackground = true, Name = "ChatWeb message writer" };
        writer.Start();
    }

    public static IBatchStatements StatementsFor(ChatDbContext db) =>
        db.Database.IsSqlite() ? new SqliteBatchStatements(db) : new SetBasedBatchStatements(db);

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

    /// <summary>Stops taking sends; what was queued is still written before the writer lets go of the database.</summary>
    public void Dispose()
    {
        pending.Writer.TryComplete();
        writer.Join(TimeSpan.FromSeconds(10));
    }

    private void WriteLoop()
    {
        var batch = new List<PendingSend>();
        while (WaitForSends())
        {
            // No waiting to fill a batch: whatever queued during the previous commit is the next batch.
            var limit = session?.Statements.MaxBatchSize ?? 1;
            while (batch.Count < limit && pending.Reader.TryRead(out var send))
            {
                batch.Add(send);
            }
            Write(batch);
            batch.Clear();
            AfterBatch();
        }
        // Every committed batch is flushed and answered before the connection closes.
        flusher?.Dispose();
        CloseSession();
    }

    private void AfterBatch()
    {
        try
        {
            session?.Statements.AfterBatch();
        }
        catch (Exception)
        {
            // Housekeeping failed (the disk, most likely); the batch before it is committed and
            // answered. A fresh session retries it after the next batch.
            CloseSession();
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
            var (db, statements) = Session();
            var outcomes = MessageBatchWriter.Write(db, statements, batch, clock.GetUtcNow().UtcDateTime);
            Answer(statements, new CommittedBatch(batch.ToArray(), outcomes));
        }
        catch (Exception)
        {
            CloseSession();
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
        try
        {
            var (db, statements) = Session();
            var outcomes = MessageBatchWriter.Write(db, statements, [send], clock.GetUtcNow().UtcDateTime);
            Answer(statements, new CommittedBatch([send], outcomes));
        }
        catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // A concurrent writer stored the same client message id first: answer with what it stored.
            var statements = Session().Statements;
            var winner = statements.FindEarlier([send.IdempotencyKey]).GetValueOrDefault(send.IdempotencyKey);
            var outcome = winner is null
                ? new InvalidOperationException("Message vanished after a unique-key conflict.", ex)
                : MessageBatchWriter.Retry(winner, send.ThreadId);
            Answer(statements, new CommittedBatch([send], [outcome]));
        }
        catch (Exception ex)
        {
            CloseSession();
            send.Fail(ex);
        }
    }

    private (ChatDbContext Db, IBatchStatements Statements) Session()
    {
        if (session is { } open)
        {
            return open;
        }
        var db = dbFactory.CreateDbContext();
        try
        {
            session = (db, statementsFor(db));
            return session.Value;
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    private void CloseSession()
    {
        if (session is not { } open)
        {
            return;
        }
        session = null;
        try
        {
            open.Statements.Dispose();
            open.Db.Dispose();
        }
        catch (Exception)
        {
            // A connection that broke mid-batch may refuse to close cleanly; the next session opens a fresh one.
        }
    }

    /// <summary>
    /// Answers the batch's callers once its commit is on disk: at once where the commit flushed
    /// itself, else after the flusher's next flush. Either way in commit order, so a retry found
    /// in a later batch is never confirmed before the send it repeats.
    /// </summary>
    private void Answer(IBatchStatements statements, CommittedBatch batch)
    {
        if (statements.FlushCommits is not { } flush)
        {
            batch.Answer();
            return;
        }
        flusher ??= new CommitFlusher(flush);
        flusher.Answer(batch);
    }
}
