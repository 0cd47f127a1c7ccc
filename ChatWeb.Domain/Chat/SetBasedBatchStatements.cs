using System.Text;
using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// The batch's reads and writes as one statement each, instead of one per thread or message: on a
/// server database every statement is a round trip. Plain SQL (CASE, IN, double-quoted names) that
/// SQLite and SQL Server both run; parameters go through EF, so ids and times are stored exactly as
/// EF stores them. At most 7 parameters per thread or message: a full batch stays under SQL
/// Server's 2,100.
/// </summary>
internal sealed class SetBasedBatchStatements(ChatDbContext db) : IBatchStatements
{
    public int MaxBatchSize => 64;

    /// <summary>A server database's commit is durable when it returns.</summary>
    public Action? FlushCommits => null;

    public Dictionary<(string SenderId, string ClientMessageId), ChatMessage> FindEarlier(IReadOnlyCollection<(string SenderId, string ClientMessageId)> keys) =>
        db.Messages.AsNoTracking()
            .Where(IdempotencyKeys.AnyOf([.. keys]))
            .Select(m => new { m.SenderId, Message = new ChatMessage(m.Id, m.ThreadId, m.Seq, m.Sender!.UserName!, m.Sender.DisplayName, m.Body, m.SentAt, m.ClientMessageId) })
            .ToList()
            .ToDictionary(e => (e.SenderId, e.Message.ClientMessageId), e => e.Message);

    /// <summary>
    /// Several threads with their members, read as flat member rows and assembled here: shaping a
    /// nested member list per thread in the query cost the send path's writer more than the rows.
    /// </summary>
    public Dictionary<Guid, ThreadSnapshot> ReadThreads(IReadOnlyCollection<Guid> threadIds)
    {
        var rows = db.ThreadMembers.AsNoTracking()
            .Where(m => threadIds.Contains(m.ThreadId))
            .Select(m => new
            {
                m.ThreadId, m.Thread!.Kind, m.Thread.Title, m.Thread.LastSeq, m.Thread.LastMessageAt, m.Thread.LastMessagePreview, m.Thread.LastMessageSenderId,
                Member = new MemberSnapshot(m.OwnerId, m.Owner!.UserName!, m.Owner.DisplayName, m.Role, m.Nickname, m.IsMuted, m.LastReadSeq),
            })
            .ToList();
        return rows.GroupBy(r => r.ThreadId).ToDictionary(g => g.Key, g =>
        {
            var t = g.First();
            return new ThreadSnapshot(t.ThreadId, t.Kind, t.Title, t.LastSeq, t.LastMessageAt, t.LastMessagePreview, t.LastMessageSenderId, g.Select(r => r.Member).ToList());
        });
    }

    /// <summary>
    /// The increment takes the threads' write locks, so seqs are handed out without gaps. The seqs
    /// are read back after it: on a server database the batch's snapshot may be older.
    /// </summary>
    public Dictionary<Guid, long> AdvanceThreads(IReadOnlyList<ThreadAdvance> threads, DateTime now)
    {
        var sql = new Sql();
        sql.Append("UPDATE \"Threads\" SET \"LastSeq\" = \"LastSeq\" + CASE \"Id\"");
        foreach (var t in threads)
        {
            sql.Append(" WHEN ").Param(t.ThreadId).Append(" THEN ").Param(t.Count);
        }
        sql.Append(" END, \"LastMessagePreview\" = CASE \"Id\"");
        foreach (var t in threads)
        {
            sql.Append(" WHEN ").Param(t.ThreadId).Append(" THEN ").Param(t.Preview);
        }
        sql.Append(" END, \"LastMessageSenderId\" = CASE \"Id\"");
        foreach (var t in threads)
        {
            sql.Append(" WHEN ").Param(t.ThreadId).Append(" THEN ").Param(t.LastSenderId);
        }
        sql.Append(" END, \"LastMessageAt\" = ").Param(now).Append(" WHERE \"Id\" IN (").List(threads.Select(t => (object)t.ThreadId)).Append(")");
        var updated = db.Database.ExecuteSqlRaw(sql.Text, sql.Arguments);
        if (updated != threads.Count)
        {
            throw new InvalidOperationException($"Advanced {updated} of {threads.Count} threads; the batch is rolled back.");
        }
        var ids = threads.Select(t => t.ThreadId).ToList();
        return db.Threads.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.LastSeq }).ToDictionary(t => t.Id, t => t.LastSeq);
    }

    /// <summary>
    /// The batch's messages as one multi-row INSERT. Through the change tracker, each row cost more
    /// than everything else the batch does for it; the rows are new by construction (fresh ids,
    /// seqs just claimed), so there is nothing for it to track.
    /// </summary>
    public void InsertMessages(IReadOnlyList<Message> messages)
    {
        var sql = new Sql();
        sql.Append("INSERT INTO \"Messages\" (\"Id\", \"ThreadId\", \"Seq\", \"SenderId\", \"Body\", \"ClientMessageId\", \"SentAt\") VALUES ");
        for (var i = 0; i < messages.Count; i++)
        {
            var m = messages[i];
            sql.Append(i == 0 ? "(" : ", (").List([m.Id, m.ThreadId, m.Seq, m.SenderId, m.Body, m.ClientMessageId, m.SentAt]).Append(")");
        }
        var inserted = db.Database.ExecuteSqlRaw(sql.Text, sql.Arguments);
        if (inserted != messages.Count)
        {
            throw new InvalidOperationException($"Inserted {inserted} of {messages.Count} messages; the batch is rolled back.");
        }
    }

    /// <summary>The senders' rows are found by their key, all in one statement.</summary>
    public void MarkSendersRead(IReadOnlyList<ReadMark> marks)
    {
        var sql = new Sql();
        sql.Append("UPDATE \"ThreadMembers\" SET \"LastReadSeq\" = CASE");
        foreach (var m in marks)
        {
            sql.Append(" WHEN \"OwnerId\" = ").Param(m.SenderId).Append(" AND \"ThreadId\" = ").Param(m.ThreadId).Append(" THEN ").Param(m.Seq);
        }
        sql.Append(" ELSE \"LastReadSeq\" END WHERE");
        for (var i = 0; i < marks.Count; i++)
        {
            sql.Append(i == 0 ? " (" : " OR (").Append("\"OwnerId\" = ").Param(marks[i].SenderId).Append(" AND \"ThreadId\" = ").Param(marks[i].ThreadId).Append(")");
        }
        var updated = db.Database.ExecuteSqlRaw(sql.Text, sql.Arguments);
        if (updated != marks.Count)
        {
            throw new InvalidOperationException($"Moved {updated} of {marks.Count} read marks; the batch is rolled back.");
        }
    }

    public void AfterBatch()
    {
        // A server database keeps its own log.
    }

    public void Dispose()
    {
        // The context belongs to the writer, which disposes it.
    }

    /// <summary>SQL text with EF's positional placeholders ({0}, {1}, …) and their values.</summary>
    private sealed class Sql
    {
        private readonly StringBuilder text = new();
        private readonly List<object> arguments = [];

        public string Text => text.ToString();
        public IEnumerable<object> Arguments => arguments;

        public Sql Append(string s)
        {
            text.Append(s);
            return this;
        }

        public Sql Param(object value)
        {
            text.Append('{').Append(arguments.Count).Append('}');
            arguments.Add(value);
            return this;
        }

        public Sql List(IEnumerable<object> values)
        {
            var first = true;
            foreach (var value in values)
            {
                text.Append(first ? "" : ", ");
                Param(value);
                first = false;
            }
            return this;
        }
    }
}
