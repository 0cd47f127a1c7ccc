using ChatWeb.Domain.Entities;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// The consistency protocol for a batch of sends, once for every provider: in ONE transaction,
/// each send judged on its own. A non-member is refused; a retry returns what its client message id
/// stored (and reusing the id in another thread is refused); a repeat within the batch answers with
/// the first; a reply to a message that is not in its thread is refused; everything else gets its
/// thread's next seqs and next versions without gaps, the thread's last-message fields and the
/// sender's read mark, and whom each message mentions (members only, see <see cref="MentionRules"/>). Refusals are decided before anything is written, so they never roll back the
/// others. The thread each message went to comes back as committed, so announcing it needs no
/// further read.
/// </summary>
internal static class SendProtocol
{
    public static SendOutcome[] Store(IMessageStoreSession session, IReadOnlyList<PendingSend> batch, DateTime now)
    {
        // Threads in id order: every node locks a batch's threads in the same order, so two batches
        // never wait for each other in a cycle.
        var threadIds = batch.Select(s => s.ThreadId).Distinct().Order().ToList();
        var replyIds = batch.Where(s => s.ReplyToId is not null).Select(s => s.ReplyToId!.Value).Distinct().ToList();
        var read = session.Begin(threadIds, batch.Select(s => s.IdempotencyKey).Distinct().ToList(), replyIds);

        var outcomes = new SendOutcome[batch.Count];
        var (fresh, repeats) = Decide(batch, read, outcomes);
        if (fresh.Count == 0)
        {
            session.Rollback();
            return outcomes;
        }

        var (writes, messages, advanced) = Plan(batch, fresh, read, now);
        session.Commit(writes);

        // Every message reaches its thread's members; the thread as committed is announced once per
        // thread, with the batch's last message in it, since it already shows the others.
        var announcedBy = messages.GroupBy(m => m.Message.ThreadId).ToDictionary(g => g.Key, g => g.Last().Index);
        var mentionsOf = writes.Mentions.ToLookup(x => x.MessageId);
        foreach (var (i, m) in messages)
        {
            var thread = advanced[m.ThreadId];
            var sender = thread.MemberOrNull(m.SenderId)!;
            var message = new ChatMessage(m.Id, m.ThreadId, m.Seq, sender.UserName, sender.DisplayName, m.Body, m.SentAt, m.ClientMessageId)
            {
                Version = m.Version,
                ReplyTo = m.ReplyToId is { } replyTo ? read.ReplyTargets[replyTo].Preview : null,
                Mentions = [.. mentionsOf[m.Id].Select(x => thread.MemberOrNull(x.UserId)!.UserName).Order(StringComparer.OrdinalIgnoreCase)],
                MentionsHere = m.MentionsHere,
            };
            outcomes[i] = new StoredMessage(message, true, thread.MemberIds, announcedBy[m.ThreadId] == i ? thread : null);
        }
        foreach (var (i, of) in repeats)
        {
            outcomes[i] = Retry(outcomes[of].Stored.Message, batch[i].ThreadId);
        }
        return outcomes;
    }

    /// <summary>A retry answers with the stored message, unless its client message id was spent in another thread.</summary>
    public static SendOutcome Retry(ChatMessage earlier, Guid threadId) =>
        earlier.ThreadId == threadId
            ? new StoredMessage(earlier, false)
            : ChatException.Invalid("That client message id was already used for a message in another conversation.");

    /// <summary>
    /// Decides each send in arrival order, filling in the refusals and retries. Membership comes
    /// first: someone who has left is refused like any non-member, even when retrying a message sent
    /// while still in the thread. A repeat of a key claimed earlier in this batch is a retry of that send.
    /// A new reply must answer a message of its own thread (one deleted meanwhile is fine: its quote
    /// says so); message rows are never removed, so what was read here stays true.
    /// </summary>
    private static (List<int> Fresh, List<(int Index, int Of)> Repeats) Decide(IReadOnlyList<PendingSend> batch, BatchRead read, SendOutcome[] outcomes)
    {
        var fresh = new List<int>();
        var claimed = new Dictionary<(string, string), int>();
        var repeats = new List<(int Index, int Of)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var send = batch[i];
            if (!read.Threads.TryGetValue(send.ThreadId, out var thread) || thread.MemberOrNull(send.UserId) is null)
            {
                outcomes[i] = ChatException.ThreadNotFound();
            }
            else if (read.Earlier.TryGetValue(send.IdempotencyKey, out var stored))
            {
                outcomes[i] = Retry(stored, send.ThreadId);
            }
            else if (claimed.TryGetValue(send.IdempotencyKey, out var first))
            {
                repeats.Add((i, first));
            }
            else if (send.ReplyToId is { } replyTo && (!read.ReplyTargets.TryGetValue(replyTo, out var target) || target.ThreadId != send.ThreadId))
            {
                outcomes[i] = ChatException.ReplyTargetNotFound();
            }
            else if (MentionRules.Resolve(thread, thread.MemberOrNull(send.UserId)!, send.Mentions, send.OnlineIds).Refusal is { } refusal)
            {
                outcomes[i] = refusal;
            }
            else
            {
                claimed[send.IdempotencyKey] = i;
                fresh.Add(i);
            }
        }
        return (fresh, repeats);
    }

    /// <summary>
    /// The fresh sends' seqs and versions, counted on from each thread's last seq and last version as
    /// read under its lock, their messages, the threads' last-message fields and the senders' read
    /// marks; and each thread as it stands once the batch commits.
    /// </summary>
    private static (BatchWrites, List<(int Index, Message Message)>, Dictionary<Guid, ThreadSnapshot>) Plan(
        IReadOnlyList<PendingSend> batch, List<int> fresh, BatchRead read, DateTime now)
    {
        var threads = read.Threads;
        var byThread = fresh.GroupBy(i => batch[i].ThreadId).OrderBy(g => g.Key).ToList();
        var advances = new List<ThreadAdvance>(byThread.Count);
        var messages = new List<(int Index, Message Message)>(fresh.Count);
        var mentions = new List<Mention>();
        foreach (var thread in byThread)
        {
            var (seq, version) = (threads[thread.Key].LastSeq, threads[thread.Key].LastVersion);
            foreach (var i in thread)
            {
                var message = new Message
                {
                    Id = MessageIds.NewId(now), ThreadId = thread.Key, Seq = ++seq, Version = ++version, SenderId = batch[i].UserId,
                    ClientMessageId = batch[i].ClientMessageId, Body = batch[i].Body, SentAt = now, ReplyToId = batch[i].ReplyToId,
                    MentionsHere = batch[i].Mentions.Here,
                };
                messages.Add((i, message));
                var (mentioned, _) = MentionRules.Resolve(threads[thread.Key], threads[thread.Key].MemberOrNull(batch[i].UserId)!, batch[i].Mentions, batch[i].OnlineIds);
                mentions.AddRange(mentioned.Select(m => new Mention { ThreadId = thread.Key, MessageId = message.Id, UserId = m.OwnerId, Seq = message.Seq }));
            }
            var last = batch[thread.Last()];
            advances.Add(new ThreadAdvance(
                thread.Key, threads[thread.Key].LastSeq, seq, threads[thread.Key].LastVersion, version, ChatInput.Preview(last.Body), last.UserId));
        }

        var marks = messages.GroupBy(m => (m.Message.ThreadId, m.Message.SenderId))
            .Select(g => new ReadMark(g.Key.ThreadId, g.Key.SenderId, g.Max(m => m.Message.Seq)))
            .ToList();
        var marksByThread = marks.ToLookup(m => m.ThreadId);
        var mentionsByThread = mentions.ToLookup(m => m.ThreadId);
        var advanced = advances.ToDictionary(a => a.ThreadId, a => threads[a.ThreadId].Advanced(
            a.LastSeq, a.LastVersion, now, a.Preview, a.LastSenderId, marksByThread[a.ThreadId].ToDictionary(m => m.SenderId, m => m.Seq),
            mentionsByThread[a.ThreadId].Select(m => (m.UserId, m.Seq)).ToList()));
        return (new BatchWrites(now, advances, messages.ConvertAll(m => m.Message), marks) { Mentions = mentions }, messages, advanced);
    }
}
