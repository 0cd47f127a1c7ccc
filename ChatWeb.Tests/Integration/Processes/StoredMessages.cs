using Microsoft.Data.Sqlite;

namespace ChatWeb.Tests.Integration.Processes;

/// <summary>The Messages and Threads tables as they are on disk, read straight from the SQLite file.</summary>
internal sealed record StoredMessages(IReadOnlyList<StoredMessage> Messages, IReadOnlyDictionary<Guid, long> LastSeqByThread)
{
    public static StoredMessages Read(string databasePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var messages = new List<StoredMessage>();
        using (var command = new SqliteCommand("SELECT \"Id\", \"ThreadId\", \"Seq\", \"ClientMessageId\", \"Body\" FROM \"Messages\"", connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                messages.Add(new StoredMessage(Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)), reader.GetInt64(2), reader.GetString(3), reader.GetString(4)));
            }
        }
        var lastSeq = new Dictionary<Guid, long>();
        using (var command = new SqliteCommand("SELECT \"Id\", \"LastSeq\" FROM \"Threads\"", connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                lastSeq[Guid.Parse(reader.GetString(0))] = reader.GetInt64(1);
            }
        }
        return new StoredMessages(messages, lastSeq);
    }
}

internal sealed record StoredMessage(Guid Id, Guid ThreadId, long Seq, string ClientMessageId, string Body);
