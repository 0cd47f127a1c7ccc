using Microsoft.Data.Sqlite;

namespace ChatWeb.Bench.Seeding;

/// <summary>
/// A long thread written straight into SQLite: one transaction, one prepared statement, rows with
/// consecutive seqs 1..N (each its version too, as if sent one by one) in the formats EF uses (upper-case GUID text, ISO date text).
/// </summary>
internal static class HistoryRows
{
    public static string Body(long seq) => $"History message {seq}: the usual status update, nothing urgent.";

    public static string Sender(long seq, string owner, string peer) => seq % 2 == 0 ? owner : peer;

    public static async Task InsertAsync(string connectionString, Guid threadId, string owner, string peer, int count, DateTime newest)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var fast = connection.CreateCommand())
        {
            // Seeding is not measured; the server opens its own connections with the defaults.
            fast.CommandText = "PRAGMA synchronous=OFF;";
            await fast.ExecuteNonQueryAsync();
        }

        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO Messages (Id, ThreadId, Seq, Version, SenderId, Body, ClientMessageId, SentAt)
            VALUES ($id, $thread, $seq, $seq, $sender, $body, $client, $sentAt)
            """;
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        insert.Parameters.AddWithValue("$thread", GuidText(threadId));
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        var sender = insert.Parameters.Add("$sender", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        var client = insert.Parameters.Add("$client", SqliteType.Text);
        var sentAt = insert.Parameters.Add("$sentAt", SqliteType.Text);
        insert.Prepare();

        var first = newest.AddSeconds(-count);
        for (long s = 1; s <= count; s++)
        {
            var at = first.AddSeconds(s);
            id.Value = GuidText(Guid.CreateVersion7(at));
            seq.Value = s;
            sender.Value = Sender(s, owner, peer);
            body.Value = Body(s);
            client.Value = $"history-{s}";
            sentAt.Value = at;
            insert.ExecuteNonQuery();
        }
        await tx.CommitAsync();

        // Fold the seed into the database file now: left in the WAL, the server's first checkpoint
        // would copy hundreds of megabytes in the middle of a measurement.
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await checkpoint.ExecuteNonQueryAsync();
    }

    /// <summary>EF Core's SQLite mapping stores a GUID as upper-case text.</summary>
    public static string GuidText(Guid id) => id.ToString().ToUpperInvariant();
}
