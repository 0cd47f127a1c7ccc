using ChatWeb.Domain.Entities;
using Microsoft.Data.Sqlite;

namespace ChatWeb.Domain.Data.Sqlite;

/// <summary>
/// Keeps the FTS5 index in step with the messages the writer inserts, in the batch's transaction:
/// a message is findable exactly when its send commits. The index is an external-content table, so
/// it holds only the words; the text stays in <c>Messages</c>, read from the row just written.
/// </summary>
/// <remarks>
/// FTS5 writes each transaction's words as a new small segment and, left to itself ('automerge'),
/// merges segments inside whichever commit tips a level over: now and then one commit merged a
/// level's worth of index, and held its batch's senders for 100 ms and more (docs/performance.md,
/// "Where the time and the stalls go"). Here automatic merging is off and every batch does a bounded
/// share of the merging itself ('merge' with a page budget), so the work is spread evenly and no
/// commit carries a large merge; the segments stay few because each batch merges more pages than
/// it adds.
/// </remarks>
internal sealed class SqliteSearchIndex : IDisposable
{
    /// <summary>Leaf pages of merging per batch: several times what a batch of a few hundred short messages adds.</summary>
    internal const int MergePagesPerBatch = 32;

    private readonly SqliteStatement add;
    private readonly SqliteStatement merge;
    private readonly SqliteStatement automergeOff;
    private bool automergeTurnedOff;

    public SqliteSearchIndex(SqliteConnection connection)
    {
        add = new SqliteStatement(connection,
            $"""
            INSERT INTO "{SqliteSearchSyntax.Table}"(rowid, "Body")
            SELECT rowid, "Body" FROM "Messages" WHERE "Id" = ?1
            """);
        merge = new SqliteStatement(connection,
            $"""INSERT INTO "{SqliteSearchSyntax.Table}"("{SqliteSearchSyntax.Table}", rank) VALUES('merge', {MergePagesPerBatch})""");
        automergeOff = new SqliteStatement(connection,
            $"""INSERT INTO "{SqliteSearchSyntax.Table}"("{SqliteSearchSyntax.Table}", rank) VALUES('automerge', 0)""");
    }

    /// <summary>Called inside a batch's transaction, whose write lock is held: another node's writer cannot make it wait.</summary>
    public void Add(IReadOnlyList<Message> messages)
    {
        // A setting stored in the index itself, written once per session in its first batch (a
        // batch that fails closes the session, so the next one writes it again).
        if (!automergeTurnedOff)
        {
            automergeOff.Execute();
            automergeTurnedOff = true;
        }
        foreach (var m in messages)
        {
            add.Bind(1, m.Id);
            add.Execute();
        }
        merge.Execute();
    }

    public void Dispose()
    {
        add.Dispose();
        merge.Dispose();
        automergeOff.Dispose();
    }
}
