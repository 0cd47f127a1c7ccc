namespace ChatWeb.Domain.Chat;

/// <summary>
/// The port messages are stored and read through, one implementation per provider
/// (<c>Data/Sqlite</c>, <c>Data/SqlServer</c>), each with everything only it needs. Writes go through
/// a session, the group-commit writer's own connection, by the rules of <see cref="SendProtocol"/>;
/// reads are pages of one thread's history by seq or by version, as one member sees them, each
/// message as it is now (its reply quote and reactions included).
/// </summary>
internal interface IMessageStore
{
    /// <summary>The most sends one batch (one transaction) takes.</summary>
    int MaxBatchSize { get; }

    /// <summary>Opens the writer's connection. The writer keeps it from batch to batch and replaces it after a failure.</summary>
    IMessageStoreSession OpenSession();

    /// <summary>
    /// Up to <paramref name="take"/> messages before <paramref name="beforeSeq"/> (the newest when
    /// null), ascending; null when <paramref name="readerId"/> is not a member of the thread or it does not exist.
    /// </summary>
    Task<IReadOnlyList<ChatMessage>?> ReadBeforeAsync(string readerId, Guid threadId, long? beforeSeq, int take, CancellationToken ct);

    /// <summary>Up to <paramref name="take"/> messages after <paramref name="afterSeq"/>, ascending; null for a non-member, as above.</summary>
    Task<IReadOnlyList<ChatMessage>?> ReadAfterAsync(string readerId, Guid threadId, long afterSeq, int take, CancellationToken ct);

    /// <summary>
    /// Up to <paramref name="take"/> messages whose version is above <paramref name="afterVersion"/>,
    /// in version order, with the version to ask after next (see <see cref="MessageChanges"/>); null for a non-member.
    /// </summary>
    Task<MessageChanges?> ReadChangesAfterAsync(string readerId, Guid threadId, long afterVersion, int take, CancellationToken ct);

    /// <summary>One message as it is now; null when the reader is not a member or the message is not in the thread.</summary>
    Task<ChatMessage?> ReadMessageAsync(string readerId, Guid threadId, Guid messageId, CancellationToken ct);
}
