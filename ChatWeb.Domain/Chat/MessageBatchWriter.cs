using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// Stores a batch of sends in ONE transaction under the consistency protocol's rules, each send
/// judged on its own: a non-member is refused, a retry returns what its client message id stored,
/// everything else gets the thread's next seqs without gaps. Refusals are decided before anything
/// is written, so they never roll back the others. Queries are per batch, not per message, and the
/// thread each message went to comes back as committed, so announcing it needs no further read.
/// </summary>
internal static class MessageBatchWriter
{
    public static SendOutcome[] Write(ChatDbContext db, IBatchStatements statements, IReadOnlyList<PendingSend> batch, DateTime now)
    {
        var outcomes = new SendOutcome[batch.Count];
        // On SQLite this begins IMMEDIATE: the write lock is held from the first read, so what is read stays true until commit.
        using var tx = db.Database.BeginTransaction();

        var earlier = statements.FindEarlier(batch.Select(s => s.IdempotencyKey).Distinct().ToList());
        // Each thread with its members, once per batch: it decides membership, names the senders,
        // and (advanced below) is what the members are told after the commit.
        var threads = statements.ReadThreads(batch.Select(s => s.ThreadId).Distinct().ToList());

        // Decide each send in arrival order. Membership comes first: someone who has left is refused
        // like any non-member, even when retrying a message sent while still in the thread. A repeat
        // of a key claimed earlier in this batch is a retry of that send.
        var fresh = new List<int>();
        var claimed = new Dictionary<(string, string), int>();
        var repeats = new List<(int Index, int Of)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var send = batch[i];
            if (!threads.TryGetValue(send.ThreadId, out var thread) || thread.MemberOrNull(send.UserId) is null)
            {
                outcomes[i] = ChatException.ThreadNotFound();
            }
            else if (earlier.TryGetValue(send.IdempotencyKey, out var stored))
            {
                outcomes[i] = Retry(stored, send.ThreadId);
            }
            else if (claimed.TryGetValue(send.IdempotencyKey, out var first))
            {
                repeats.Add((i, first));
            }
            else
            {
                claimed[send.IdempotencyKey] = i;
                fresh.Add(i);
            }
        }

        if (fresh.Count > 0)
        {
            var (messages, advanced) = Insert(statements, batch, fresh, threads, now);
            tx.Commit();
            // Every message reaches its thread's members; the thread as committed is announced once
            // per thread, with the batch's last message in it, since it already shows the others.
            var announcedBy = messages.GroupBy(m => m.Message.ThreadId).ToDictionary(g => g.Key, g => g.Last().Index);
            foreach (var (i, m) in messages)
            {
                var thread = advanced[m.ThreadId];
                var sender = thread.MemberOrNull(m.SenderId)!;
                var message = new ChatMessage(m.Id, m.ThreadId, m.Seq, sender.UserName, sender.DisplayName, m.Body, m.SentAt, m.ClientMessageId);
                outcomes[i] = new StoredMessage(message, true, thread.MemberIds, announcedBy[m.ThreadId] == i ? thread : null);
            }
            foreach (var (i, of) in repeats)
            {
                outcomes[i] = Retry(outcomes[of].Stored.Message, batch[i].ThreadId);
            }
        }
        return outcomes;
    }

    /// <summary>
    /// Seqs, messages, thread last-message fields, and the senders' read marks, per
    /// thread. Returns the messages and each thread as it stands once the batch commits.
    /// </summary>
    private static (List<(int Index, Message Message)>, Dictionary<Guid, ThreadSnapshot>) Insert(
        IBatchStatements statements, IReadOnlyList<PendingSend> batch, List<int> fresh, Dictionary<Guid, ThreadSnapshot> threads, DateTime now)
    {
        // Threads in id order: concurrent batches on a server database then take row locks in the same order.
        var byThread = fresh.GroupBy(i => batch[i].ThreadId).OrderBy(g => g.Key).ToList();
        var advances = byThread.ConvertAll(g =>
        {
            var last = batch[g.Last()];
            return new ThreadAdvance(g.Key, g.Count(), ChatInput.Preview(last.Body), last.UserId);
        });
        // Claiming the seqs takes the threads' write locks, so they are handed out without gaps.
        var lastSeqs = statements.AdvanceThreads(advances, now);

        var messages = new List<(int Index, Message Message)>(fresh.Count);
        foreach (var thread in byThread)
        {
            var seq = lastSeqs[thread.Key] - thread.Count();
            messages.AddRange(thread.Select(i => (i, new Message
            {
                Id = MessageIds.NewId(now), ThreadId = thread.Key, Seq = ++seq, SenderId = batch[i].UserId, ClientMessageId = batch[i].ClientMessageId, Body = batch[i].Body, SentAt = now,
            })));
        }
        statements.InsertMessages(messages.ConvertAll(m => m.Message));

        var marks = messages.GroupBy(m => (m.Message.ThreadId, m.Message.SenderId))
            .Select(g => new ReadMark(g.Key.ThreadId, g.Key.SenderId, g.Max(m => m.Message.Seq)))
            .ToList();
        statements.MarkSendersRead(marks);

        var marksByThread = marks.ToLookup(m => m.ThreadId);
        var advanced = advances.ToDictionary(a => a.ThreadId, a => threads[a.ThreadId].Advanced(
            lastSeqs[a.ThreadId], now, a.Preview, a.LastSenderId, marksByThread[a.ThreadId].ToDictionary(m => m.SenderId, m => m.Seq)));
        return (messages, advanced);
    }

    /// <summary>A retry answers with the stored message, unless its client message id was spent in another thread.</summary>
    public static SendOutcome Retry(ChatMessage earlier, Guid threadId) =>
        earlier.ThreadId == threadId
            ? new StoredMessage(earlier, false)
            : ChatException.Invalid("That client message id was already used for a message in another conversation.");
}
