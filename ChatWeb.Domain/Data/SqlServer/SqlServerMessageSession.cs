using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using Microsoft.Data.SqlClient;

namespace ChatWeb.Domain.Data.SqlServer;

/// <summary>
/// The group-commit writer's connection on SQL Server: two round trips per batch
/// (<see cref="SqlServerSendCommands"/>), the transaction begun and committed in T-SQL inside them.
/// The connection is opened outside SqlClient's pool: closing it after a failure ends the server's
/// session, so a transaction left open by a broken batch is rolled back then, not whenever a pooled
/// connection happens to be reused.
/// </summary>
internal sealed class SqlServerMessageSession : IMessageStoreSession
{
    private readonly SqlConnection connection;

    public SqlServerMessageSession(string connectionString)
    {
        connection = new SqlConnection(connectionString);
        try
        {
            connection.Open();
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public BatchRead Begin(IReadOnlyList<Guid> threadIds, IReadOnlyCollection<(string SenderId, string ClientMessageId)> keys, IReadOnlyCollection<Guid> replyToIds)
    {
        using var command = SqlServerSendCommands.Begin(threadIds, keys, replyToIds);
        command.Connection = connection;
        using var reader = command.ExecuteReader();

        var threads = new Dictionary<Guid, ThreadSnapshot>(threadIds.Count);
        while (reader.Read())
        {
            var id = reader.GetGuid(0);
            threads[id] = new ThreadSnapshot(
                id, (ThreadKind)reader.GetInt32(1), StringOrNull(reader, 2), reader.GetInt64(3), reader.GetInt64(4),
                Utc(reader.GetDateTime(5)), StringOrNull(reader, 6), StringOrNull(reader, 7), []);
        }
        reader.NextResult();
        while (reader.Read())
        {
            threads[reader.GetGuid(0)].Members.Add(new MemberSnapshot(
                reader.GetString(1), reader.GetString(2), reader.GetString(3), (MemberRole)reader.GetInt32(4),
                StringOrNull(reader, 5), reader.GetBoolean(6), reader.GetInt64(7), reader.GetBoolean(8), reader.GetInt64(9)));
        }
        reader.NextResult();
        var earlier = new Dictionary<(string, string), ChatMessage>();
        while (reader.Read())
        {
            var key = (reader.GetString(0), reader.GetString(1));
            earlier[key] = new ChatMessage(
                reader.GetGuid(2), reader.GetGuid(3), reader.GetInt64(4), reader.GetString(5), reader.GetString(6),
                reader.GetString(7), Utc(reader.GetDateTime(8)), key.Item2);
        }
        reader.NextResult();
        var replyTargets = new Dictionary<Guid, ReplyTarget>(replyToIds.Count);
        while (reader.Read())
        {
            var id = reader.GetGuid(0);
            replyTargets[id] = new ReplyTarget(
                id, reader.GetGuid(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetBoolean(6));
        }
        return new BatchRead(threads, earlier, replyTargets);
    }

    public void Commit(BatchWrites writes)
    {
        using var command = SqlServerSendCommands.Commit(writes);
        command.Connection = connection;
        command.ExecuteNonQuery();
    }

    public void Rollback()
    {
        using var command = new SqlCommand(SqlServerSendCommands.RollbackText, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>A commit is durable when it returns: the commit asks for full durability, whatever the database allows.</summary>
    public void WhenDurable(Action<Exception?> answer) => answer(null);

    public void AfterBatch()
    {
        // The server keeps its own log.
    }

    public void Dispose() => connection.Dispose();

    private static string? StringOrNull(SqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static DateTime Utc(DateTime stored) => DateTime.SpecifyKind(stored, DateTimeKind.Utc);
}
