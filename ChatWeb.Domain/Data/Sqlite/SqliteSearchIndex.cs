using ChatWeb.Domain.Entities;
using Microsoft.Data.Sqlite;

namespace ChatWeb.Domain.Data.Sqlite;

/// <summary>
/// Keeps the FTS5 index in step with the messages the writer inserts, in the batch's transaction:
/// a message is findable exactly when its send commits. The index is an external-content table, so
/// it holds only the words; the text stays in <c>Messages</c>, read from the row just written.
/// </summary>
internal sealed class SqliteSearchIndex(SqliteConnection connection) : IDisposable
{
    private readonly SqliteStatement add = new(connection,
        $"""
        INSERT INTO "{SqliteSearchSyntax.Table}"(rowid, "Body")
        SELECT rowid, "Body" FROM "Messages" WHERE "Id" = ?1
        """);

    public void Add(IReadOnlyList<Message> messages)
    {
        foreach (var m in messages)
        {
            add.Bind(1, m.Id);
            add.Execute();
        }
    }

    public void Dispose() => add.Dispose();
}
