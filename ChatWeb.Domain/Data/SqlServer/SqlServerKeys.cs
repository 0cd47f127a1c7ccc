using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Data.SqlServer;

/// <summary>
/// How SQL Server lays out the chat tables, chosen for it rather than carried over from SQLite. A
/// clustered index is the table itself, in key order, and SQL Server orders a uniqueidentifier by
/// its last six bytes first: the random end of a version-7 id, so new ids land all over an index
/// keyed by them instead of at its end.
/// </summary>
internal static class SqlServerKeys
{
    public const string EmojiCollation = "Latin1_General_100_BIN2";

    public static void Apply(ModelBuilder builder)
    {
        // Messages, the one table that grows with traffic, live in (ThreadId, Seq) order: a send
        // appends at its thread's end, and a history page (every read of messages) is one contiguous
        // range. It is also the shard key. The id stays the primary key, as a narrow nonclustered index.
        builder.Entity<Message>(message =>
        {
            message.HasKey(m => m.Id).IsClustered(false);
            message.HasIndex(m => new { m.ThreadId, m.Seq }).IsClustered();
        });

        // Emoji compare by their code points. Under the default collations SQL Server ranks most
        // emoji as equal to one another (they have no weights there), so 😀 and 👍 from one person would
        // collide in the key; a binary collation keeps every emoji distinct, as SQLite does.
        builder.Entity<Reaction>().Property(r => r.Emoji).UseCollation(EmojiCollation);

        // The (ThreadId, Version) index stays nonclustered: catching up reads at most a page of changes
        // through it, each a lookup into the clustered (ThreadId, Seq) order. Reactions stay clustered on
        // their key, thread first, so a thread's reactions sit together as its messages do.
        //
        // Threads keep their clustered primary key on the id. Every read and write of a thread finds
        // it by id (a send locks and updates it, the thread list joins to it), so a clustered seek is
        // one lookup where a nonclustered key would add a second; and a thread is inserted once, by a
        // person, not per message, so where its row lands costs little.
        //
        // ThreadMembers (OwnerId, ThreadId) and Contacts (OwnerId, ContactId) stay clustered on their
        // keys: both are read as one person's rows (a prefix of the key, the shard key for membership),
        // and written when people join, leave or add a contact. Identity's tables keep Identity's keys.
    }
}
