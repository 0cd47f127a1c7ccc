using ChatWeb.Domain.Entities;
using Microsoft.Data.Sqlite;

namespace ChatWeb.BrowserTests.Infrastructure;

/// <summary>
/// Writes a long conversation straight into the running app's SQLite file (WAL lets it beside the
/// app): sending 5,000 messages through the hub would take minutes under its send rate limit.
/// The rows are what the app itself would have written: gap-free seqs from 1 (each also the message's version), thread and member
/// last-activity fields set, everything already read. Plain SQL, not the app's DbContext: building
/// that model costs seconds, the inserts themselves a fraction of one.
/// </summary>
public sealed class HistorySeeder(ChatWebServer server)
{
    public async Task<Guid> SeedDirectThreadAsync(Person first, Person second, int messageCount, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(server.ConnectionString);
        await connection.OpenAsync(ct);
        await using var transaction = connection.BeginTransaction();
        var firstId = await UserIdAsync(connection, first, ct);
        var secondId = await UserIdAsync(connection, second, ct);
        var threadId = Guid.CreateVersion7();
        var now = DateTime.UtcNow;
        var start = now.AddMinutes(-messageCount);

        await ExecuteAsync(connection, """
            INSERT INTO Threads (Id, Kind, DirectKey, CreatedById, CreatedAt, LastSeq, LastVersion, LastMessageAt, LastMessagePreview, LastMessageSenderId)
            VALUES ($id, $kind, $key, $first, $start, $count, $count, $now, $preview, $lastSender)
            """, ct, ("$id", Text(threadId)), ("$kind", (int)ThreadKind.Direct), ("$key", ChatThread.DirectKeyFor(firstId, secondId)),
            ("$first", firstId), ("$start", start), ("$count", messageCount), ("$now", now),
            ("$preview", BodyOf(messageCount)), ("$lastSender", SenderOf(messageCount, firstId, secondId)));
        foreach (var member in new[] { firstId, secondId })
        {
            await ExecuteAsync(connection, """
                INSERT INTO ThreadMembers (OwnerId, ThreadId, Role, IsMuted, LastReadSeq, JoinedAt)
                VALUES ($owner, $thread, $role, 0, $count, $start)
                """, ct, ("$owner", member), ("$thread", Text(threadId)), ("$role", (int)MemberRole.Member),
                ("$count", messageCount), ("$start", start));
        }
        await InsertMessagesAsync(connection, threadId, firstId, secondId, messageCount, start, now, ct);
        // The app indexes every message it stores for search, in the same transaction.
        await ExecuteAsync(connection, """
            INSERT INTO MessageSearch (rowid, Body) SELECT rowid, Body FROM Messages WHERE ThreadId = $thread
            """, ct, ("$thread", Text(threadId)));
        await transaction.CommitAsync(ct);
        return threadId;
    }

    /// <summary>The text of the message with that seq: tests find messages by it.</summary>
    public static string BodyOf(long seq) => $"History message {seq}";

    private static async Task InsertMessagesAsync(
        SqliteConnection connection, Guid threadId, string firstId, string secondId, int count, DateTime start, DateTime now, CancellationToken ct)
    {
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO Messages (Id, ThreadId, Seq, Version, SenderId, Body, ClientMessageId, SentAt) VALUES ($id, $thread, $seq, $seq, $sender, $body, $client, $sentAt)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        insert.Parameters.AddWithValue("$thread", Text(threadId));
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        var sender = insert.Parameters.Add("$sender", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        var client = insert.Parameters.Add("$client", SqliteType.Text);
        var sentAt = insert.Parameters.Add("$sentAt", SqliteType.Text);
        insert.Prepare();
        for (var n = 1; n <= count; n++)
        {
            id.Value = Text(Guid.CreateVersion7());
            seq.Value = n;
            sender.Value = SenderOf(n, firstId, secondId);
            body.Value = BodyOf(n);
            client.Value = $"seed-{threadId:N}-{n}";
            sentAt.Value = n == count ? now : start.AddMinutes(n);
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task<string> UserIdAsync(SqliteConnection connection, Person person, CancellationToken ct)
    {
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT Id FROM AspNetUsers WHERE NormalizedEmail = $email";
        query.Parameters.AddWithValue("$email", person.Email.ToUpperInvariant());
        return (string?)await query.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException($"{person.Email} has no account.");
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>EF Core's SQLite provider stores a Guid as upper-case text; lookups compare that text exactly.</summary>
    private static string Text(Guid value) => value.ToString().ToUpperInvariant();

    private static string SenderOf(long seq, string firstId, string secondId) => seq % 3 == 0 ? secondId : firstId;
}
