namespace ChatWeb.Domain.Chat;

/// <summary>
/// One connection working through batches of sends, two steps per batch, each one round trip
/// where the provider can: <see cref="Begin"/> opens the batch's transaction and reads, under locks
/// that keep what it read true until commit; <see cref="Commit"/> writes and commits. Between the two
/// <see cref="SendProtocol"/> decides every send in memory. After any exception the session is spent:
/// the writer disposes it, which rolls back whatever it had begun.
/// </summary>
internal interface IMessageStoreSession : IDisposable
{
    /// <summary>
    /// Begins the batch's transaction; locks the threads, in the order given, and reads them with
    /// their members (a missing thread is absent from the result), the messages already stored under
    /// any of the keys, and the messages the batch's replies answer (a missing one is absent).
    /// </summary>
    BatchRead Begin(IReadOnlyList<Guid> threadIds, IReadOnlyCollection<(string SenderId, string ClientMessageId)> keys, IReadOnlyCollection<Guid> replyToIds);

    /// <summary>Writes what the protocol decided and commits; throws, having written nothing, if the rows are not as <see cref="Begin"/> read them.</summary>
    void Commit(BatchWrites writes);

    /// <summary>Ends the transaction without writing: every send of the batch was a refusal or a retry.</summary>
    void Rollback();

    /// <summary>
    /// Calls <paramref name="answer"/> once every transaction this session has ended is durable
    /// (with null), or could not be made so (with the error): at once where a commit is durable when
    /// it returns, otherwise later, from another thread, in the order the batches were handed in.
    /// </summary>
    void WhenDurable(Action<Exception?> answer);

    /// <summary>Housekeeping between batches, outside any transaction.</summary>
    void AfterBatch();
}
