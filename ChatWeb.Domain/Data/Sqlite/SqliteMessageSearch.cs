using System.Data.Common;
using System.Text;
using ChatWeb.Domain.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Data.Sqlite;

/// <summary>
/// Search on SQLite with FTS5, in one statement with the searcher's memberships, so membership is
/// the one at query time. Which side leads depends on the filters: across all the searcher's threads
/// the index leads, newest match first, stopping at the page's end; for one person's messages their
/// messages lead; in one thread its messages lead. Each way is bounded by the smaller side it knows of.
/// </summary>
internal sealed class SqliteMessageSearch(IDbContextFactory<ChatDbContext> dbFactory) : IMessageSearch
{
    public bool MayLag => false;

    public async Task<IReadOnlyList<Guid>> FindAsync(SearchRequest request, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = Text(request);
        Add(command, "$match", SqliteSearchSyntax.Match(request.Query));
        Add(command, "$reader", request.ReaderId);
        Add(command, "$take", request.Take);
        if (request.ThreadId is { } thread)
        {
            Add(command, "$thread", Key(thread));
        }
        if (request.SenderId is { } sender)
        {
            Add(command, "$sender", sender);
        }
        if (request.BeforeMessageId is { } before)
        {
            Add(command, "$before", Key(before));
        }

        var ids = new List<Guid>(request.Take);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(Guid.Parse(reader.GetString(0)));
        }
        return ids;
    }

    /// <summary>The statement for a request; only its optional filters change it, never what was typed.</summary>
    internal static string Text(SearchRequest request) =>
        request.ThreadId is not null ? ByThread(request) : request.SenderId is not null ? BySender(request) : ByIndex(request);

    /// <summary>
    /// Driven by the index, newest match first, stopping at the page's end: a common word costs a
    /// page's worth of matches in the searcher's threads.
    /// </summary>
    private static string ByIndex(SearchRequest request)
    {
        var sql = new StringBuilder(
            $"""
            SELECT m."Id"
            FROM "{SqliteSearchSyntax.Table}"
            JOIN "Messages" AS m ON m.rowid = "{SqliteSearchSyntax.Table}".rowid
            WHERE "{SqliteSearchSyntax.Table}" MATCH $match
              AND m."ThreadId" IN (SELECT "ThreadId" FROM "ThreadMembers" WHERE "OwnerId" = $reader)
              AND m."DeletedAt" IS NULL
            """);
        if (request.BeforeMessageId is not null)
        {
            sql.Append($"\n  AND \"{SqliteSearchSyntax.Table}\".rowid < (SELECT rowid FROM \"Messages\" WHERE \"Id\" = $before)");
        }
        sql.Append($"\nORDER BY \"{SqliteSearchSyntax.Table}\".rowid DESC\nLIMIT $take");
        return sql.ToString();
    }

    /// <summary>
    /// Driven by one person's messages (the sender's index), each checked against the index by
    /// rowid: the index's way would walk every match of a common word looking for the few that
    /// person wrote in the searcher's threads (measured: 270 ms against 18 ms over a million messages).
    /// </summary>
    private static string BySender(SearchRequest request)
    {
        var sql = new StringBuilder(
            $"""
            SELECT m."Id"
            FROM "Messages" AS m
            WHERE m."SenderId" = $sender
              AND m."ThreadId" IN (SELECT "ThreadId" FROM "ThreadMembers" WHERE "OwnerId" = $reader)
              AND m."DeletedAt" IS NULL
              AND {Matches}
            """);
        if (request.BeforeMessageId is not null)
        {
            sql.Append("\n  AND m.rowid < (SELECT rowid FROM \"Messages\" WHERE \"Id\" = $before)");
        }
        sql.Append("\nORDER BY m.rowid DESC\nLIMIT $take");
        return sql.ToString();
    }

    /// <summary>
    /// One thread, newest first by seq along its (ThreadId, Seq) index, each message checked against
    /// the index by rowid: bounded by the thread's length rather than by how common the words are
    /// in the whole database.
    /// </summary>
    private static string ByThread(SearchRequest request)
    {
        var sql = new StringBuilder(
            $"""
            SELECT m."Id"
            FROM "Messages" AS m
            WHERE m."ThreadId" = $thread
              AND m."ThreadId" IN (SELECT "ThreadId" FROM "ThreadMembers" WHERE "OwnerId" = $reader)
              AND m."DeletedAt" IS NULL
              AND {Matches}
            """);
        if (request.SenderId is not null)
        {
            sql.Append("\n  AND m.\"SenderId\" = $sender");
        }
        if (request.BeforeMessageId is not null)
        {
            sql.Append("\n  AND m.\"Seq\" < (SELECT \"Seq\" FROM \"Messages\" WHERE \"Id\" = $before)");
        }
        sql.Append("\nORDER BY m.\"Seq\" DESC\nLIMIT $take");
        return sql.ToString();
    }

    /// <summary>The message <c>m</c> matches: one seek into the index by its rowid.</summary>
    private const string Matches =
        $"""EXISTS (SELECT 1 FROM "{SqliteSearchSyntax.Table}" WHERE "{SqliteSearchSyntax.Table}" MATCH $match AND "{SqliteSearchSyntax.Table}".rowid = m.rowid)""";

    /// <summary>A GUID as EF stores it on SQLite: upper-case text.</summary>
    private static string Key(Guid id) => id.ToString("D").ToUpperInvariant();

    private static void Add(DbCommand command, string name, object value) => command.Parameters.Add(new SqliteParameter(name, value));
}
