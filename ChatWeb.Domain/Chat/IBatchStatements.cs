using ChatWeb.Domain.Entities;

namespace ChatWeb.Domain.Chat;

/// <summary>What a batch adds to one thread: how many messages, and the last one's preview and sender.</summary>
internal sealed record ThreadAdvance(Guid ThreadId, int Count, string Preview, string LastSenderId);

/// <summary>The newest seq a sender wrote to a thread in a batch: their read mark moves there.</summary>
internal sealed record ReadMark(Guid ThreadId, string SenderId, long Seq);

/// <summary>
/// The send path's reads and writes for one batch, run inside the writer's open transaction. Two
/// shapes of the same rules: one statement per batch for a server database, where each statement is
/// a network round trip, and reused prepared statements per row for SQLite, which runs in-process
/// and where parsing a large statement costs more than the rows it writes.
/// </summary>
internal interface IBatchStatements : IDisposable
{
    /// <summary>The most sends one transaction takes with these statements.</summary>
    int MaxBatchSize { get; }

    /// <summary>Messages already stored under any of these (sender, client message id) keys.</summary>
    Dictionary<(string SenderId, string ClientMessageId), ChatMessage> FindEarlier(IReadOnlyCollection<(string SenderId, string ClientMessageId)> keys);

    /// <summary>The threads with their members; a missing id is a thread that does not exist.</summary>
    Dictionary<Guid, ThreadSnapshot> ReadThreads(IReadOnlyCollection<Guid> threadIds);

    /// <summary>Claims each thread's next seqs and sets its last message; returns each thread's new last seq.</summary>
    Dictionary<Guid, long> AdvanceThreads(IReadOnlyList<ThreadAdvance> advances, DateTime now);

    void InsertMessages(IReadOnlyList<Message> messages);

    /// <summary>Moves each sender's read mark to the last seq they sent; no other member's row is written.</summary>
    void MarkSendersRead(IReadOnlyList<ReadMark> marks);

    /// <summary>
    /// Null when a commit is on disk by the time it returns. Otherwise what puts every commit so far
    /// on disk; the writer's callers are answered only after it ran, from another thread.
    /// </summary>
    Action? FlushCommits { get; }

    /// <summary>Housekeeping after a batch's commit, outside any transaction.</summary>
    void AfterBatch();
}
