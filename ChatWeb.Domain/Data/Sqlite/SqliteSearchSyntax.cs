using ChatWeb.Domain.Search;

namespace ChatWeb.Domain.Data.Sqlite;

/// <summary>
/// The FTS5 side of search on SQLite: the index (<see cref="Table"/>, an external-content table
/// over <c>Messages</c> made by the <c>MessageSearch</c> migration) and the match expression for a query.
/// </summary>
internal static class SqliteSearchSyntax
{
    public const string Table = "MessageSearch";

    /// <summary>
    /// Each term as an FTS5 string: <c>"word"</c>, <c>"start"*</c>, or <c>"several words"</c> (a
    /// phrase), joined by spaces (all must match). A string is never an operator, so NEAR, OR, a
    /// column name or a stray <c>*</c> typed by someone is text; and the words hold no quote to escape
    /// (they are letters, digits and marks), doubled here all the same.
    /// </summary>
    public static string Match(SearchQuery query) =>
        string.Join(' ', query.Terms.Select(t => $"\"{string.Join(' ', t.Words).Replace("\"", "\"\"")}\"{(t.IsPrefix ? "*" : "")}"));
}
