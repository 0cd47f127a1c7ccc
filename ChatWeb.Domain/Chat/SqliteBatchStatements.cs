using System.Diagnostics;
using System.Globalization;
using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// The send path on SQLite: a few statements prepared once on the writer's own connection and run
/// once per row. SQLite runs in-process, so a statement costs its parsing and binding, not a round
/// trip; profiling the set-based batch statements on SQLite showed parsing them and binding their
/// hundreds of named parameters (a linear search each) costing more than the rows. The connection
/// stays open for the writer's life so its page cache stays warm between commits.
/// Values are written in the formats EF uses for this provider (upper-case GUID text, ISO-like
/// date text), so rows read the same whichever path wrote them.
/// </summary>
internal sealed class SqliteBatchStatements : IBatchStatements
{
    private const string DateFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    // The writer's working set: the hot end of every busy thread's message index and its member
    // rows. The default 2 MB cache made each batch re-read pages it had written moments before.
    private const int CacheKibibytes = 64 * 1024;

    // Should the checkpointer stop making passes, the writer copies the log itself this often.
    private static readonly TimeSpan CheckpointFallback = TimeSpan.FromSeconds(5);

    private readonly ChatDbContext db;
    private readonly SqliteCommand? checkpoint;
    private readonly SqliteCheckpointer? checkpointer;
    private long lastCheckpoint = Stopwatch.GetTimestamp();
    private readonly SqliteCommand findEarlier;
    private readonly SqliteCommand readThread;
    private readonly SqliteCommand advanceThread;
    private readonly SqliteCommand insertMessage;
    private readonly SqliteCommand markRead;

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
                checkpoint = Prepare(connection, "PRAGMA wal_checkpoint(PASSIVE)");
                checkpointer = new SqliteCheckpointer(connection.ConnectionString);
            }
        }

        findEarlier = Prepare(connection,
            """
            SELECT m."Id", m."ThreadId", m."Seq", u."UserName", u."DisplayName", m."Body", m."SentAt"
            FROM "Messages" AS m JOIN "AspNetUsers" AS u ON u."Id" = m."SenderId"
            WHERE m."SenderId" = $sender AND m."ClientMessageId" = $client
            """,
            "$sender", "$client");
        readThread = Prepare(connection,
            """
            SELECT t."Kind", t."Title", t."LastSeq", t."LastMessageAt", t."LastMessagePreview", t."LastMessageSenderId",
                m."OwnerId", u."UserName", u."DisplayName", m."Role", m."Nickname", m."IsMuted", m."LastReadSeq"
            FROM "Threads" AS t
            JOIN "ThreadMembers" AS m ON m."ThreadId" = t."Id"
            JOIN "AspNetUsers" AS u ON u."Id" = m."OwnerId"
            WHERE t."Id" = $id
            """,
            "$id");
        advanceThread = Prepare(connection,
            """
            UPDATE "Threads" SET "LastSeq" = "LastSeq" + $count, "LastMessagePreview" = $preview,
                "LastMessageSenderId" = $sender, "LastMessageAt" = $at
            WHERE "Id" = $id
            RETURNING "LastSeq"
            """,
            "$count", "$preview", "$sender", "$at", "$id");
        insertMessage = Prepare(connection,
            """
            INSERT INTO "Messages" ("Id", "ThreadId", "Seq", "SenderId", "Body", "ClientMessageId", "SentAt")
            VALUES ($id, $thread, $seq, $sender, $body, $client, $at)
            """,
            "$id", "$thread", "$seq", "$sender", "$body", "$client", "$at");
        markRead = Prepare(connection,
            """UPDATE "ThreadMembers" SET "LastReadSeq" = $seq WHERE "OwnerId" = $owner AND "ThreadId" = $thread""",
            "$seq", "$owner", "$thread");
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
        checkpoint.ExecuteNonQuery();
        lastCheckpoint = Stopwatch.GetTimestamp();
    }

    public Dictionary<(string SenderId, string ClientMessageId), ChatMessage> FindEarlier(IReadOnlyCollection<(string SenderId, string ClientMessageId)> keys)
    {
        var found = new Dictionary<(string, string), ChatMessage>();
        foreach (var (senderId, clientMessageId) in keys)
        {
            using var reader = Run(findEarlier, senderId, clientMessageId).ExecuteReader();
            if (reader.Read())
            {
                found[(senderId, clientMessageId)] = new ChatMessage(
                    Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)), reader.GetInt64(2),
                    reader.GetString(3), reader.GetString(4), reader.GetString(5), Utc(reader.GetDateTime(6)), clientMessageId);
            }
        }
        return found;
    }

    /// <summary>The same snapshot <see cref="SetBasedBatchStatements.ReadThreads"/> reads, one thread per prepared query.</summary>
    public Dictionary<Guid, ThreadSnapshot> ReadThreads(IReadOnlyCollection<Guid> threadIds)
    {
        var threads = new Dictionary<Guid, ThreadSnapshot>(threadIds.Count);
        foreach (var id in threadIds)
        {
            using var reader = Run(readThread, Text(id)).ExecuteReader();
            ThreadSnapshot? thread = null;
            while (reader.Read())
            {
                thread ??= new ThreadSnapshot(
                    id, (ThreadKind)reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2),
                    Utc(reader.GetDateTime(3)), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), []);
                thread.Members.Add(new MemberSnapshot(
                    reader.GetString(6), reader.GetString(7), reader.GetString(8), (MemberRole)reader.GetInt32(9),
                    reader.IsDBNull(10) ? null : reader.GetString(10), reader.GetBoolean(11), reader.GetInt64(12)));
            }
            if (thread is not null)
            {
                threads[id] = thread;
            }
        }
        return threads;
    }

    /// <summary>The writer holds SQLite's write lock from the transaction's start, so the seq it reads back is the one it claimed.</summary>
    public Dictionary<Guid, long> AdvanceThreads(IReadOnlyList<ThreadAdvance> advances, DateTime now)
    {
        var at = Date(now);
        var lastSeqs = new Dictionary<Guid, long>(advances.Count);
        foreach (var a in advances)
        {
            var lastSeq = Run(advanceThread, a.Count, a.Preview, a.LastSenderId, at, Text(a.ThreadId)).ExecuteScalar()
                ?? throw new InvalidOperationException($"Thread {a.ThreadId} vanished while its batch was written; the batch is rolled back.");
            lastSeqs[a.ThreadId] = (long)lastSeq;
        }
        return lastSeqs;
    }

    public void InsertMessages(IReadOnlyList<Message> messages)
    {
        foreach (var m in messages)
        {
            Run(insertMessage, Text(m.Id), Text(m.ThreadId), m.Seq, m.SenderId, m.Body, m.ClientMessageId, Date(m.SentAt)).ExecuteNonQuery();
        }
    }

    public void MarkSendersRead(IReadOnlyList<ReadMark> marks)
    {
        foreach (var m in marks)
        {
            if (Run(markRead, m.Seq, m.SenderId, Text(m.ThreadId)).ExecuteNonQuery() != 1)
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

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        return command;
    }

    /// <summary>The command with these values, in the order its parameters were declared, inside the writer's transaction if one is open.</summary>
    private SqliteCommand Run(SqliteCommand command, params object[] values)
    {
        command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
        return command;
    }

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static string Date(DateTime utc) => utc.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static DateTime Utc(DateTime stored) => DateTime.SpecifyKind(stored, DateTimeKind.Utc);
}
