using System.Data;
using System.Data.Common;
using System.Text;
using ChatWeb.Domain.Search;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Data.SqlServer;

/// <summary>
/// Search on SQL Server: <c>CONTAINS</c> over the full-text index where the server has one
/// (<see cref="SqlServerFullText"/>), otherwise a plain, slower <c>LIKE</c> over the text with an
/// accent- and case-insensitive collation. Either way the index may lag or match loosely, so the
/// domain checks each hit against its message's current text (<see cref="MayLag"/>).
/// </summary>
internal sealed class SqlServerMessageSearch(IDbContextFactory<ChatDbContext> dbFactory) : IMessageSearch
{
    private bool? indexed;

    public bool MayLag => true;

    public async Task<IReadOnlyList<Guid>> FindAsync(SearchRequest request, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Decided once per process, as the start-up log says it: the index exists or it does not.
        var fullText = indexed ??= await SqlServerFullText.IsIndexedAsync(db, ct);
        var words = fullText ? new List<string>() : LikePatterns(request.Query);
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = Text(request, fullText, words.Count);
        Add(command, "@take", SqlDbType.Int, request.Take);
        Add(command, "@reader", SqlDbType.NVarChar, request.ReaderId);
        if (fullText)
        {
            Add(command, "@match", SqlDbType.NVarChar, Contains(request.Query));
        }
        for (var i = 0; i < words.Count; i++)
        {
            Add(command, $"@word{i}", SqlDbType.NVarChar, words[i]);
        }
        if (request.ThreadId is { } thread)
        {
            Add(command, "@thread", SqlDbType.UniqueIdentifier, thread);
        }
        if (request.SenderId is { } sender)
        {
            Add(command, "@sender", SqlDbType.NVarChar, sender);
        }
        if (request.BeforeMessageId is { } before)
        {
            Add(command, "@before", SqlDbType.UniqueIdentifier, before);
        }

        var ids = new List<Guid>(request.Take);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
        }
        return ids;
    }

    /// <summary>
    /// The statement: newest first by time, then id, so the previous page's last hit is where the next
    /// one starts. Only the filters asked for, and the engine, change it; what was typed travels as parameters.
    /// </summary>
    internal static string Text(SearchRequest request, bool fullText, int likeCount)
    {
        var sql = new StringBuilder(
            """
            SELECT TOP (@take) m.[Id]
            FROM [Messages] AS m
            WHERE m.[ThreadId] IN (SELECT tm.[ThreadId] FROM [ThreadMembers] AS tm WHERE tm.[OwnerId] = @reader)
              AND m.[DeletedAt] IS NULL
            """);
        if (fullText)
        {
            sql.Append("\n  AND CONTAINS(m.[Body], @match)");
        }
        for (var i = 0; i < likeCount; i++)
        {
            sql.Append($"\n  AND m.[Body] COLLATE Latin1_General_100_CI_AI LIKE @word{i} ESCAPE N'\\'");
        }
        if (request.ThreadId is not null)
        {
            sql.Append("\n  AND m.[ThreadId] = @thread");
        }
        if (request.SenderId is not null)
        {
            sql.Append("\n  AND m.[SenderId] = @sender");
        }
        if (request.BeforeMessageId is not null)
        {
            sql.Append("\n  AND EXISTS (SELECT 1 FROM [Messages] AS b WHERE b.[Id] = @before AND (m.[SentAt] < b.[SentAt] OR (m.[SentAt] = b.[SentAt] AND m.[Id] < b.[Id])))");
        }
        sql.Append("\nORDER BY m.[SentAt] DESC, m.[Id] DESC;");
        return sql.ToString();
    }

    /// <summary>
    /// Each term as a full-text string, all required: <c>"word"</c>, <c>"start*"</c>, <c>"several words"</c>.
    /// A string is never an operator, so NEAR, OR, AND NOT or a parenthesis typed by someone is text.
    /// </summary>
    internal static string Contains(SearchQuery query) =>
        string.Join(" AND ", query.Terms.Select(t => $"\"{string.Join(' ', t.Words).Replace("\"", "\"\"")}{(t.IsPrefix ? "*" : "")}\""));

    /// <summary>Each term as a LIKE pattern (its words in order); LIKE's own wildcards in a word are escaped.</summary>
    internal static List<string> LikePatterns(SearchQuery query) =>
        query.Terms.Select(t => "%" + string.Join('%', t.Words.Select(Escape)) + "%").ToList();

    private static string Escape(string word) =>
        word.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_").Replace("[", "\\[");

    private static void Add(DbCommand command, string name, SqlDbType type, object value) =>
        command.Parameters.Add(new SqlParameter(name, type) { Value = value });
}
