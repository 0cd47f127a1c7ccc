using System.Diagnostics;
using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// The send path on SQLite: a few statements prepared once on the writer's own connection and run
/// once per row. SQLite runs in-process, so a statement costs its parsing and binding, not a round
/// trip; profiling the set-based batch statements on SQLite showed parsing them and binding their
/// hundreds of named parameters (a linear search each) costing more than the rows. The statements
/// are native ones (<see cref="SqliteStatement"/>), bound by position. The connection stays open
/// for the writer's life so its page cache stays warm between commits.
/// Values are written in the formats EF uses for this provider (upper-case GUID text, ISO-like
/// date text), so rows read the same whichever path wrote them.
/// </summary>
internal sealed class SqliteBatchStatements : IBatchStatements
{
    // The writer's working set: the hot end of every busy thread's message index and its member
    // rows. The default 2 MB cache made each batch re-read pages it had written moments before.
    private const int CacheKibibytes = 64 * 1024;

    // Should the checkpointer stop making passes, the writer copies the log itself this often.
    private static readonly TimeSpan CheckpointFallback = TimeSpan.FromSeconds(5);

    private readonly ChatDbContext db;
    private readonly SqliteStatement? checkpoint;
    private readonly SqliteCheckpointer? checkpointer;
    private long lastCheckpoint = Stopwatch.GetTimestamp();
    private readonly SqliteStatement findEarlier;
    private readonly SqliteStatement readThread;
    private readonly SqliteStatement advanceThread;
    private readonly SqliteStatement insertMessage;
    private readonly SqliteStatement markRead;

    public SqliteBatchStatements(ChatDbContext db)
    {
        this.db = db;
        db.Database.OpenConnection();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA cache_size = -{CacheKibibytes}; PRAGMA journal_mode;";
            if (pragma.ExecuteScalar() is "wal")
            {
                // NORMAL: a commit writes the log without flushing it, and the commit flusher
                // flushes it before anyone is answered (see FlushCommits). SQLite still flushes
                // what ordering needs (the log before a checkpoint copies it, the file after, a
                // restarted log's header), so a crash cannot corrupt the database either way.
                pragma.CommandText = "PRAGMA wal_autocheckpoint = 0; PRAGMA synchronous = NORMAL";
                pragma.ExecuteNonQuery();
                var path = connection.DataSource;
                FlushCommits = () => DatabaseFileFlusher.FlushLog(path);
                checkpoint = new SqliteStatement(connection, "PRAGMA wal_checkpoint(PASSIVE)");
                checkpointer = new SqliteCheckpointer(connection.ConnectionString);
            }
        }

        findEarlier = new SqliteStatement(connection,
            """
            SELECT m."Id", m."ThreadId", m."Seq", u."UserName", u."DisplayName", m."Body", m."SentAt"
            FROM "Messages" AS m JOIN "AspNetUsers" AS u ON u."Id" = m."SenderId"
            WHERE m."SenderId" = ?1 AND m."ClientMessageId" = ?2
            """);
        readThread = new SqliteStatement(connection,
            """
            SELECT t."Kind", t."Title", t."LastSeq", t."LastMessageAt", t."LastMessagePreview", t."LastMessageSenderId",
                m."OwnerId", u."UserName", u."DisplayName", m."Role", m."Nickname", m."IsMuted", m."LastReadSeq"
            FROM "Threads" AS t
            JOIN "ThreadMembers" AS m ON m."ThreadId" = t."Id"
            JOIN "AspNetUsers" AS u ON u."Id" = m."OwnerId"
            WHERE t."Id" = ?1
            """);
        advanceThread = new SqliteStatement(connection,
            """
            UPDATE "Threads" SET "LastSeq" = "LastSeq" + ?1, "LastMessagePreview" = ?2,
                "LastMessageSenderId" = ?3, "LastMessageAt" = ?4
            WHERE "Id" = ?5
            RETURNING "LastSeq"
            """);
        insertMessage = new SqliteStatement(connection,
            """
            INSERT INTO "Messages" ("Id", "ThreadId", "Seq", "SenderId", "Body", "ClientMessageId", "SentAt")
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            """);
        markRead = new SqliteStatement(connection,
            """UPDATE "ThreadMembers" SET "LastReadSeq" = ?1 WHERE "OwnerId" = ?2 AND "ThreadId" = ?3""");
    }

    /// <summary>Per-row statements cost the same at any batch size, so a burst shares one commit (one fsync) widely.</summary>
    public int MaxBatchSize => 256;

    /// <summary>
    /// With a write-ahead log, flushes it: SQLite's own flush inside each commit held the writer
    /// through the disk's write, the larger part of its time under load. Null for a database
    /// without one (in memory, or a rollback journal), whose commit has flushed all it will when it returns.
    /// </summary>
    public Action? FlushCommits { get; }

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
        checkpoint.Execute();
        lastCheckpoint = Stopwatch.GetTimestamp();
    }

    public Dictionary<(string SenderId, string ClientMessageId), ChatMessage> FindEarlier(IReadOnlyCollection<(string SenderId, string ClientMessageId)> keys)
    {
        var found = new Dictionary<(string, string), ChatMessage>();
        foreach (var (senderId, clientMessageId) in keys)
        {
            findEarlier.Bind(1, senderId);
            findEarlier.Bind(2, clientMessageId);
            try
            {
                if (findEarlier.Read())
                {
                    var q = findEarlier;
                    found[(senderId, clientMessageId)] = new ChatMessage(
                        q.GetGuid(0), q.GetGuid(1), q.GetInt64(2), q.GetString(3), q.GetString(4), q.GetString(5), q.GetUtc(6), clientMessageId);
                }
            }
            finally
            {
                findEarlier.Reset();
            }
        }
        return found;
    }

    /// <summary>The same snapshot <see cref="SetBasedBatchStatements.ReadThreads"/> reads, one thread per prepared query.</summary>
    public Dictionary<Guid, ThreadSnapshot> ReadThreads(IReadOnlyCollection<Guid> threadIds)
    {
        var threads = new Dictionary<Guid, ThreadSnapshot>(threadIds.Count);
        var q = readThread;
        foreach (var id in threadIds)
        {
            q.Bind(1, id);
            try
            {
                ThreadSnapshot? thread = null;
                while (q.Read())
                {
                    thread ??= new ThreadSnapshot(
                        id, (ThreadKind)q.GetInt64(0), q.GetStringOrNull(1), q.GetInt64(2),
                        q.GetUtc(3), q.GetStringOrNull(4), q.GetStringOrNull(5), []);
                    thread.Members.Add(new MemberSnapshot(
                        q.GetString(6), q.GetString(7), q.GetString(8), (MemberRole)q.GetInt64(9),
                        q.GetStringOrNull(10), q.GetInt64(11) != 0, q.GetInt64(12)));
                }
                if (thread is not null)
                {
                    threads[id] = thread;
                }
            }
            finally
            {
                q.Reset();
            }
        }
        return threads;
    }

    /// <summary>The writer holds SQLite's write lock from the transaction's start, so the seq it reads back is the one it claimed.</summary>
    public Dictionary<Guid, long> AdvanceThreads(IReadOnlyList<ThreadAdvance> advances, DateTime now)
    {
        var lastSeqs = new Dictionary<Guid, long>(advances.Count);
        var q = advanceThread;
        foreach (var a in advances)
        {
            q.Bind(1, a.Count);
            q.Bind(2, a.Preview);
            q.Bind(3, a.LastSenderId);
            q.Bind(4, now);
            q.Bind(5, a.ThreadId);
            try
            {
                if (!q.Read())
                {
                    throw new InvalidOperationException($"Thread {a.ThreadId} vanished while its batch was written; the batch is rolled back.");
                }
                lastSeqs[a.ThreadId] = q.GetInt64(0);
            }
            finally
            {
                q.Reset();
            }
        }
        return lastSeqs;
    }

    public void InsertMessages(IReadOnlyList<Message> messages)
    {
        var q = insertMessage;
        foreach (var m in messages)
        {
            q.Bind(1, m.Id);
            q.Bind(2, m.ThreadId);
            q.Bind(3, m.Seq);
            q.Bind(4, m.SenderId);
            q.Bind(5, m.Body);
            q.Bind(6, m.ClientMessageId);
            q.Bind(7, m.SentAt);
            q.Execute();
        }
    }

    public void MarkSendersRead(IReadOnlyList<ReadMark> marks)
    {
        var q = markRead;
        foreach (var m in marks)
        {
            q.Bind(1, m.Seq);
            q.Bind(2, m.SenderId);
            q.Bind(3, m.ThreadId);
            if (q.Execute() != 1)
            {
                throw new InvalidOperationException($"No member row for a sender in thread {m.ThreadId}; the batch is rolled back.");
            }
        }
    }

    public void Dispose()
    {
        findEarlier.Dispose();
        readThread.Dispose();
        advanceThread.Dispose();
        insertMessage.Dispose();
        markRead.Dispose();
        checkpoint?.Dispose();
        checkpointer?.Dispose();
        db.Database.CloseConnection();
    }
}
