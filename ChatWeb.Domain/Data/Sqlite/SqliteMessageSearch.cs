using System.Data.Common;
using System.Text;
using ChatWeb.Domain.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Data.Sqlite;

/// <summary>
/// Search on SQLite with FTS5. The index returns matches newest first (by rowid, the order messages
/// were stored in) and the query stops at the page's end: a common word costs a page's worth of
/// matches in the searcher's threads, not every match in the database. Membership is read in the
/// same statement, so it is the searcher's membership now.
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
    internal static string Text(SearchRequest request)
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
        if (request.ThreadId is not null)
        {
            sql.Append("\n  AND m.\"ThreadId\" = $thread");
        }
        if (request.SenderId is not null)
        {
            sql.Append("\n  AND m.\"SenderId\" = $sender");
        }
        if (request.BeforeMessageId is not null)
        {
            sql.Append($"\n  AND \"{SqliteSearchSyntax.Table}\".rowid < (SELECT rowid FROM \"Messages\" WHERE \"Id\" = $before)");
        }
        sql.Append($"\nORDER BY \"{SqliteSearchSyntax.Table}\".rowid DESC\nLIMIT $take");
        return sql.ToString();
    }

    /// <summary>A GUID as EF stores it on SQLite: upper-case text.</summary>
    private static string Key(Guid id) => id.ToString("D").ToUpperInvariant();

    private static void Add(DbCommand command, string name, object value) => command.Parameters.Add(new SqliteParameter(name, value));
}
