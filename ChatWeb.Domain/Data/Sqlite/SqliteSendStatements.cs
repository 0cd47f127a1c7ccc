using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using Microsoft.Data.Sqlite;

namespace ChatWeb.Domain.Data.Sqlite;

/// <summary>
/// The send path's statements on SQLite, prepared once on the writer's connection and run once per
/// row. SQLite runs in-process, so a statement costs its parsing and binding, not a round trip;
/// profiling one statement per batch on SQLite showed parsing it and binding its hundreds of named
/// parameters (a linear search each) costing more than the rows. They are native statements
/// (<see cref="SqliteStatement"/>), bound by position. Values are written in the formats EF uses for
/// this provider (upper-case GUID text, ISO-like date text), so rows read the same whichever path wrote them.
/// </summary>
internal sealed class SqliteSendStatements : IDisposable
{
    private readonly SqliteStatement findEarlier;
    private readonly SqliteStatement readReplyTarget;
    private readonly SqliteStatement readThread;
    private readonly SqliteStatement advanceThread;
    private readonly SqliteStatement insertMessage;
    private readonly SqliteStatement markRead;
    private readonly SqliteStatement insertMention;

    public SqliteSendStatements(SqliteConnection connection)
    {
        findEarlier = new SqliteStatement(connection,
            """
            SELECT m."Id", m."ThreadId", m."Seq", u."UserName", u."DisplayName", m."Body", m."SentAt"
            FROM "Messages" AS m JOIN "AspNetUsers" AS u ON u."Id" = m."SenderId"
            WHERE m."SenderId" = ?1 AND m."ClientMessageId" = ?2
            """);
        readReplyTarget = new SqliteStatement(connection,
            """
            SELECT m."ThreadId", m."Seq", u."UserName", u."DisplayName", m."Body", m."DeletedAt" IS NOT NULL
            FROM "Messages" AS m JOIN "AspNetUsers" AS u ON u."Id" = m."SenderId"
            WHERE m."Id" = ?1
            """);
        readThread = new SqliteStatement(connection,
            """
            SELECT t."Kind", t."Title", t."LastSeq", t."LastVersion", t."LastMessageAt", t."LastMessagePreview", t."LastMessageSenderId",
                m."OwnerId", u."UserName", u."DisplayName", m."Role", m."Nickname", m."IsMuted", m."LastReadSeq", u."ShareReadReceipts",
                (SELECT COUNT(*) FROM "Mentions" AS x WHERE x."UserId" = m."OwnerId" AND x."ThreadId" = t."Id" AND x."Seq" > m."LastReadSeq")
            FROM "Threads" AS t
            JOIN "ThreadMembers" AS m ON m."ThreadId" = t."Id"
            JOIN "AspNetUsers" AS u ON u."Id" = m."OwnerId"
            WHERE t."Id" = ?1
            """);
        advanceThread = new SqliteStatement(connection,
            """
            UPDATE "Threads" SET "LastSeq" = ?1, "LastMessagePreview" = ?2, "LastMessageSenderId" = ?3, "LastMessageAt" = ?4, "LastVersion" = ?7
            WHERE "Id" = ?5 AND "LastSeq" = ?6 AND "LastVersion" = ?8
            """);
        insertMessage = new SqliteStatement(connection,
            """
            INSERT INTO "Messages" ("Id", "ThreadId", "Seq", "SenderId", "Body", "ClientMessageId", "SentAt", "Version", "ReplyToId", "MentionsHere")
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
            """);
        markRead = new SqliteStatement(connection,
            """UPDATE "ThreadMembers" SET "LastReadSeq" = ?1 WHERE "OwnerId" = ?2 AND "ThreadId" = ?3""");
        insertMention = new SqliteStatement(connection,
            """INSERT INTO "Mentions" ("ThreadId", "MessageId", "UserId", "Seq") VALUES (?1, ?2, ?3, ?4)""");
    }

    public Dictionary<(string SenderId, string ClientMessageId), ChatMessage> FindEarlier(IReadOnlyCollection<(string SenderId, string ClientMessageId)> keys)
    {
        var found = new Dictionary<(string, string), ChatMessage>();
        var q = findEarlier;
        foreach (var (senderId, clientMessageId) in keys)
        {
            q.Bind(1, senderId);
            q.Bind(2, clientMessageId);
            try
            {
                if (q.Read())
                {
                    found[(senderId, clientMessageId)] = new ChatMessage(
                        q.GetGuid(0), q.GetGuid(1), q.GetInt64(2), q.GetString(3), q.GetString(4), q.GetString(5), q.GetUtc(6), clientMessageId);
                }
            }
            finally
            {
                q.Reset();
            }
        }
        return found;
    }

    /// <summary>The messages the batch's replies answer; a missing one is left out.</summary>
    public Dictionary<Guid, ReplyTarget> ReadReplyTargets(IReadOnlyCollection<Guid> ids)
    {
        var found = new Dictionary<Guid, ReplyTarget>(ids.Count);
        var q = readReplyTarget;
        foreach (var id in ids)
        {
            q.Bind(1, id);
            try
            {
                if (q.Read())
                {
                    found[id] = new ReplyTarget(id, q.GetGuid(0), q.GetInt64(1), q.GetString(2), q.GetString(3), q.GetString(4), q.GetInt64(5) != 0);
                }
            }
            finally
            {
                q.Reset();
            }
        }
        return found;
    }

    /// <summary>Each thread with its members, one prepared query per thread; a missing thread is left out.</summary>
    public Dictionary<Guid, ThreadSnapshot> ReadThreads(IReadOnlyList<Guid> threadIds)
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
                        id, (ThreadKind)q.GetInt64(0), q.GetStringOrNull(1), q.GetInt64(2), q.GetInt64(3),
                        q.GetUtc(4), q.GetStringOrNull(5), q.GetStringOrNull(6), []);
                    thread.Members.Add(new MemberSnapshot(
                        q.GetString(7), q.GetString(8), q.GetString(9), (MemberRole)q.GetInt64(10),
                        q.GetStringOrNull(11), q.GetInt64(12) != 0, q.GetInt64(13), q.GetInt64(14) != 0, q.GetInt64(15)));
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

    /// <summary>Each thread moves on only from the seq and version the batch read; anything else fails the batch.</summary>
    public void AdvanceThreads(IReadOnlyList<ThreadAdvance> advances, DateTime now)
    {
        var q = advanceThread;
        foreach (var a in advances)
        {
            q.Bind(1, a.LastSeq);
            q.Bind(2, a.Preview);
            q.Bind(3, a.LastSenderId);
            q.Bind(4, now);
            q.Bind(5, a.ThreadId);
            q.Bind(6, a.PreviousLastSeq);
            q.Bind(7, a.LastVersion);
            q.Bind(8, a.PreviousLastVersion);
            if (q.Execute() != 1)
            {
                throw new InvalidOperationException(
                    $"Thread {a.ThreadId} is not at seq {a.PreviousLastSeq} and version {a.PreviousLastVersion} as its batch read it; the batch is rolled back.");
            }
        }
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
            q.Bind(8, m.Version);
            // Bindings outlive a reset: a message with no reply must clear the previous one's.
            q.Bind(9, m.ReplyToId);
            q.Bind(10, m.MentionsHere ? 1L : 0L);
            q.Execute();
        }
    }

    public void InsertMentions(IReadOnlyList<Mention> mentions)
    {
        var q = insertMention;
        foreach (var m in mentions)
        {
            q.Bind(1, m.ThreadId);
            q.Bind(2, m.MessageId);
            q.Bind(3, m.UserId);
            q.Bind(4, m.Seq);
            q.Execute();
        }
    }

    /// <summary>Moves each sender's read mark to the last seq they sent; no other member's row is written.</summary>
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
        readReplyTarget.Dispose();
        readThread.Dispose();
        advanceThread.Dispose();
        insertMessage.Dispose();
        markRead.Dispose();
        insertMention.Dispose();
    }
}
