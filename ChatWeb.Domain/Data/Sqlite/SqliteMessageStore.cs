using ChatWeb.Domain.Chat;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Data.Sqlite;

/// <summary>
/// The message store on SQLite. The writer's connection is its own: opened outside
/// Microsoft.Data.Sqlite's pool and closed for good, so the settings it changes for itself
/// (<c>synchronous = NORMAL</c>, no automatic checkpoints, a large page cache) never reach a
/// connection EF takes from the pool.
/// </summary>
/// <param name="connectionString">The app's connection string, as EF uses it.</param>
/// <param name="flushLog">Flushes the database's write-ahead log to disk; given a database file's path.</param>
internal sealed class SqliteMessageStore(string connectionString, IDbContextFactory<ChatDbContext> dbFactory, Action<string>? flushLog = null) : IMessageStore
{
    private readonly MessageHistory history = new(dbFactory);
    private readonly Action<string> flushLog = flushLog ?? DatabaseFileFlusher.FlushLog;

    /// <summary>Per-row statements cost the same at any batch size, so a burst shares one commit (one flush) widely.</summary>
    public int MaxBatchSize => 256;

    /// <summary>The writer's connection string: the app's, outside the pool, with foreign keys enforced as EF enforces them.</summary>
    public string WriterConnectionString { get; } =
        new SqliteConnectionStringBuilder(connectionString) { Pooling = false, ForeignKeys = true }.ToString();

    public IMessageStoreSession OpenSession() => new SqliteMessageSession(WriterConnectionString, flushLog);

    /// <summary>The same store with another way of flushing the log (a test's, to hold or fail it).</summary>
    public SqliteMessageStore FlushingWith(Action<string> flush) => new(connectionString, dbFactory, flush);

    public Task<IReadOnlyList<ChatMessage>?> ReadBeforeAsync(string readerId, Guid threadId, long? beforeSeq, int take, CancellationToken ct) =>
        history.BeforeAsync(readerId, threadId, beforeSeq, take, ct);

    public Task<IReadOnlyList<ChatMessage>?> ReadAfterAsync(string readerId, Guid threadId, long afterSeq, int take, CancellationToken ct) =>
        history.AfterAsync(readerId, threadId, afterSeq, take, ct);

    public Task<MessageChanges?> ReadChangesAfterAsync(string readerId, Guid threadId, long afterVersion, int take, CancellationToken ct) =>
        history.ChangesAfterAsync(readerId, threadId, afterVersion, take, ct);

    public Task<ChatMessage?> ReadMessageAsync(string readerId, Guid threadId, Guid messageId, CancellationToken ct) =>
        history.OneAsync(readerId, threadId, messageId, ct);
}
