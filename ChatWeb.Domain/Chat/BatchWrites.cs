using ChatWeb.Domain.Entities;

namespace ChatWeb.Domain.Chat;

/// <summary>Everything one batch writes: the threads it moves on, its new messages, and its senders' read marks.</summary>
internal sealed record BatchWrites(
    DateTime SentAt, IReadOnlyList<ThreadAdvance> Threads, IReadOnlyList<Message> Messages, IReadOnlyList<ReadMark> ReadMarks)
{
    /// <summary>Whom the new messages mention: one row per message and member.</summary>
    public IReadOnlyList<Mention> Mentions { get; init; } = [];
}

/// <summary>
/// A thread's new last seq, last version and last message. <see cref="PreviousLastSeq"/> and
/// <see cref="PreviousLastVersion"/> are what the batch read under its lock; a store writes the
/// advance only over those values, so neither a seq nor a version can ever be given twice.
/// </summary>
internal sealed record ThreadAdvance(
    Guid ThreadId, long PreviousLastSeq, long LastSeq, long PreviousLastVersion, long LastVersion, string Preview, string LastSenderId);

/// <summary>The newest seq a sender wrote to a thread in a batch: their read mark moves there.</summary>
internal sealed record ReadMark(Guid ThreadId, string SenderId, long Seq);
