using ChatWeb.Domain.Chat;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Data.SqlServer;

/// <summary>
/// The message store on SQL Server, the production database, where several nodes write at once:
/// each batch locks its threads' rows (UPDLOCK, in id order) in its first round trip, so two nodes
/// writing one thread take turns and hand out consecutive seqs, and writes and commits in its
/// second. The writer's connection is its own, outside the pool.
/// </summary>
internal sealed class SqlServerMessageStore(string connectionString, IDbContextFactory<ChatDbContext> dbFactory) : IMessageStore
{
    private readonly MessageHistory history = new(dbFactory);
    private readonly string writerConnectionString = new SqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    /// <summary>
    /// A batch is two round trips whatever its size, and its rows travel as JSON, so no parameter
    /// limit applies; SQLite's size, not measured here (no server on the project's machines).
    /// </summary>
    public int MaxBatchSize => 256;

    public IMessageStoreSession OpenSession() => new SqlServerMessageSession(writerConnectionString);

    public Task<IReadOnlyList<ChatMessage>?> ReadBeforeAsync(string readerId, Guid threadId, long? beforeSeq, int take, CancellationToken ct) =>
        history.BeforeAsync(readerId, threadId, beforeSeq, take, ct);

    public Task<IReadOnlyList<ChatMessage>?> ReadAfterAsync(string readerId, Guid threadId, long afterSeq, int take, CancellationToken ct) =>
        history.AfterAsync(readerId, threadId, afterSeq, take, ct);

    public Task<MessageChanges?> ReadChangesAfterAsync(string readerId, Guid threadId, long afterVersion, int take, CancellationToken ct) =>
        history.ChangesAfterAsync(readerId, threadId, afterVersion, take, ct);

    public Task<ChatMessage?> ReadMessageAsync(string readerId, Guid threadId, Guid messageId, CancellationToken ct) =>
        history.OneAsync(readerId, threadId, messageId, ct);
}
