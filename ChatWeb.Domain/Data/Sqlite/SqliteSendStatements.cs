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
    private readonly SqliteStatement readThread;
    private readonly SqliteStatement advanceThread;
    private readonly SqliteStatement insertMessage;
    private readonly SqliteStatement markRead;

    public SqliteSendStatements(SqliteConnection connection)
    {
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
            UPDATE "Threads" SET "LastSeq" = ?1, "LastMessagePreview" = ?2, "LastMessageSenderId" = ?3, "LastMessageAt" = ?4
            WHERE "Id" = ?5 AND "LastSeq" = ?6
            """);
        insertMessage = new SqliteStatement(connection,
            """
            INSERT INTO "Messages" ("Id", "ThreadId", "Seq", "SenderId", "Body", "ClientMessageId", "SentAt")
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            """);
        markRead = new SqliteStatement(connection,
            """UPDATE "ThreadMembers" SET "LastReadSeq" = ?1 WHERE "OwnerId" = ?2 AND "ThreadId" = ?3""");
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

    /// <summary>Each thread moves on only from the seq the batch read; anything else fails the batch.</summary>
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
            if (q.Execute() != 1)
            {
                throw new InvalidOperationException($"Thread {a.ThreadId} is not at seq {a.PreviousLastSeq} as its batch read it; the batch is rolled back.");
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
        readThread.Dispose();
        advanceThread.Dispose();
        insertMessage.Dispose();
        markRead.Dispose();
    }
}
