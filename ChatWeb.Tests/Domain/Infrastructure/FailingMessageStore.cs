using ChatWeb.Domain.Chat;

namespace ChatWeb.Tests.Domain.Infrastructure;

/// <summary>
/// A provider's message store with failures put in at the port, as a deadlock, a lost connection
/// or a broken disk would put them in: each commit (or opening) asks the test whether to fail, and how.
/// </summary>
internal sealed class FailingMessageStore(IMessageStore inner) : IMessageStore
{
    private int commits;
    private int opens;

    /// <summary>Given the commit's number (1, 2, …), the error to throw instead of committing; null commits.</summary>
    public Func<int, Exception?> FailCommit { get; set; } = _ => null;

    /// <summary>Given the opening's number, the error to throw instead of opening; null opens.</summary>
    public Func<int, Exception?> FailOpen { get; set; } = _ => null;

    /// <summary>Given the commit's number and its writes, the writes to hand the real store instead (to break them there).</summary>
    public Func<int, BatchWrites, BatchWrites> Rewrite { get; set; } = (_, writes) => writes;

    public int Commits => Volatile.Read(ref commits);

    public int MaxBatchSize => inner.MaxBatchSize;

    public IMessageStoreSession OpenSession() =>
        FailOpen(Interlocked.Increment(ref opens)) is { } error ? throw error : new Session(this, inner.OpenSession());

    public Task<IReadOnlyList<ChatMessage>?> ReadBeforeAsync(string readerId, Guid threadId, long? beforeSeq, int take, CancellationToken ct) =>
        inner.ReadBeforeAsync(readerId, threadId, beforeSeq, take, ct);

    public Task<IReadOnlyList<ChatMessage>?> ReadAfterAsync(string readerId, Guid threadId, long afterSeq, int take, CancellationToken ct) =>
        inner.ReadAfterAsync(readerId, threadId, afterSeq, take, ct);

    public Task<MessageChanges?> ReadChangesAfterAsync(string readerId, Guid threadId, long afterVersion, int take, CancellationToken ct) =>
        inner.ReadChangesAfterAsync(readerId, threadId, afterVersion, take, ct);

    public Task<ChatMessage?> ReadMessageAsync(string readerId, Guid threadId, Guid messageId, CancellationToken ct) =>
        inner.ReadMessageAsync(readerId, threadId, messageId, ct);

    private sealed class Session(FailingMessageStore store, IMessageStoreSession inner) : IMessageStoreSession
    {
        public BatchRead Begin(
            IReadOnlyList<Guid> threadIds, IReadOnlyCollection<(string SenderId, string ClientMessageId)> keys, IReadOnlyCollection<Guid> replyToIds) =>
            inner.Begin(threadIds, keys, replyToIds);

        public void Commit(BatchWrites writes)
        {
            var number = Interlocked.Increment(ref store.commits);
            if (store.FailCommit(number) is { } error)
            {
                throw error;
            }
            inner.Commit(store.Rewrite(number, writes));
        }

        public void Rollback() => inner.Rollback();

        public void WhenDurable(Action<Exception?> answer) => inner.WhenDurable(answer);

        public void AfterBatch() => inner.AfterBatch();

        public void Dispose() => inner.Dispose();
    }
}
