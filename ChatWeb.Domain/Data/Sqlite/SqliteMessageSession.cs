using System.Diagnostics;
using ChatWeb.Domain.Chat;
using Microsoft.Data.Sqlite;

namespace ChatWeb.Domain.Data.Sqlite;

/// <summary>
/// The group-commit writer's connection on SQLite: a connection of its own, kept open for the
/// writer's life so its page cache stays warm between commits, with the send path's statements
/// prepared once (<see cref="SqliteSendStatements"/>). On a write-ahead log it commits without
/// flushing, and a <see cref="CommitFlusher"/> flushes the log before anyone is answered; a
/// <see cref="SqliteCheckpointer"/> copies the log back into the database file beside it.
/// </summary>
internal sealed class SqliteMessageSession : IMessageStoreSession
{
    // The writer's working set: the hot end of every busy thread's message index and its member
    // rows. The default 2 MB cache made each batch re-read pages it had written moments before.
    private const int CacheKibibytes = 64 * 1024;

    // Should the checkpointer stop making passes, the writer copies the log itself this often.
    private static readonly TimeSpan CheckpointFallback = TimeSpan.FromSeconds(5);

    private readonly SqliteConnection connection;
    private readonly SqliteSendStatements statements;
    private readonly SqliteSearchIndex searchIndex;
    private readonly CommitFlusher? flusher;
    private readonly SqliteStatement? checkpoint;
    private readonly SqliteCheckpointer? checkpointer;
    private long lastCheckpoint = Stopwatch.GetTimestamp();
    private SqliteTransaction? transaction;

    /// <param name="connectionString">Outside the pool: the settings below die with this connection.</param>
    /// <param name="flushLog">Flushes the write-ahead log of the database at the given path.</param>
    public SqliteMessageSession(string connectionString, Action<string> flushLog)
    {
        connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            // secure_delete FAST: a thread's row is rewritten with each batch, and the space its old
            // preview held is zeroed (within the page, at no extra I/O), so a deleted message's text
            // does not linger in the file as an earlier preview. On its own: it answers with a row,
            // which would stand in for journal_mode's below.
            Pragma("PRAGMA secure_delete = FAST;");
            if (Pragma($"PRAGMA cache_size = -{CacheKibibytes}; PRAGMA journal_mode;") is "wal")
            {
                // NORMAL: a commit writes the log without flushing it, and the flusher flushes it
                // (fsync of the "-wal" file) before anyone is answered. SQLite still flushes what
                // ordering needs (the log before a checkpoint copies it, the file after, a restarted
                // log's header), so a crash cannot corrupt the database either way.
                Pragma("PRAGMA wal_autocheckpoint = 0; PRAGMA synchronous = NORMAL;");
                var path = connection.DataSource;
                flusher = new CommitFlusher(() => flushLog(path));
                checkpoint = new SqliteStatement(connection, "PRAGMA wal_checkpoint(PASSIVE)");
                checkpointer = new SqliteCheckpointer(connectionString);
            }
            statements = new SqliteSendStatements(connection);
            searchIndex = new SqliteSearchIndex(connection);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>IMMEDIATE: the database's write lock is held from the first read, so what is read stays true until commit.</summary>
    public BatchRead Begin(IReadOnlyList<Guid> threadIds, IReadOnlyCollection<(string SenderId, string ClientMessageId)> keys, IReadOnlyCollection<Guid> replyToIds)
    {
        transaction = connection.BeginTransaction(deferred: false);
        return new BatchRead(statements.ReadThreads(threadIds), statements.FindEarlier(keys), statements.ReadReplyTargets(replyToIds));
    }

    public void Commit(BatchWrites writes)
    {
        var open = transaction ?? throw new InvalidOperationException("Commit without a batch begun.");
        statements.AdvanceThreads(writes.Threads, writes.SentAt);
        statements.InsertMessages(writes.Messages);
        searchIndex.Add(writes.Messages);
        statements.InsertMentions(writes.Mentions);
        statements.MarkSendersRead(writes.ReadMarks);
        open.Commit();
        EndTransaction();
    }

    public void Rollback()
    {
        transaction?.Rollback();
        EndTransaction();
    }

    /// <summary>
    /// With a write-ahead log, after the flusher's next flush: SQLite's own flush inside each commit
    /// held the writer through the disk's write, the larger part of its time under load. At once
    /// for a database without one (in memory, or a rollback journal), whose commit has flushed all it
    /// will when it returns.
    /// </summary>
    public void WhenDurable(Action<Exception?> answer)
    {
        if (flusher is null)
        {
            answer(null);
            return;
        }
        flusher.Answer(answer);
    }

    /// <summary>
    /// Finishes the checkpointer's pass: copies what was committed while it ran, so the log can
    /// start over. Left to SQLite, each copy runs inside whichever commit takes the log past 1,000
    /// pages and holds that batch's senders for 5–25 ms, several times a second. Here the
    /// checkpointer copies the bulk beside the writer once a second, and the writer copies the
    /// rest between batches.
    /// </summary>
    public void AfterBatch()
    {
        if (checkpoint is null || !(checkpointer!.PassCompleted() || Stopwatch.GetElapsedTime(lastCheckpoint) > CheckpointFallback))
        {
            return;
        }
        var started = SendPathEvents.Log.Start();
        checkpoint.Execute();
        lastCheckpoint = Stopwatch.GetTimestamp();
        if (started != 0)
        {
            SendPathEvents.Log.CheckpointCopied(byWriter: true, SendPathEvents.Elapsed(started));
        }
    }

    /// <summary>Answers every batch already ended (after its flush), rolls back a batch left open, and closes the connection for good.</summary>
    public void Dispose()
    {
        flusher?.Dispose();
        EndTransaction();
        statements?.Dispose();
        searchIndex?.Dispose();
        checkpoint?.Dispose();
        checkpointer?.Dispose();
        connection.Dispose();
    }

    private void EndTransaction()
    {
        transaction?.Dispose();
        transaction = null;
    }

    private object? Pragma(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
