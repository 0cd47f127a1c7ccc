using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Data.SqlServer;

/// <summary>
/// SQL Server's full-text search, when the server has it: the <c>MessageSearch</c> migration creates
/// the catalog and the index on <c>Messages.Body</c> only where <c>FULLTEXTSERVICEPROPERTY('IsFullTextInstalled')</c>
/// says it is installed (the official container image leaves it out), so whether the index exists is
/// what decides how messages are searched.
/// </summary>
internal static class SqlServerFullText
{
    public const string Catalog = "ChatWebSearch";

    /// <summary>Accent-insensitive, every word indexed (no stop list), words broken language-neutrally; filled in the background as messages change.</summary>
    public const string CreateText =
        $"""
        IF FULLTEXTSERVICEPROPERTY('IsFullTextInstalled') = 1
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE [name] = N'{Catalog}')
                EXEC(N'CREATE FULLTEXT CATALOG [{Catalog}] WITH ACCENT_SENSITIVITY = OFF');
            IF NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE [object_id] = OBJECT_ID(N'[dbo].[Messages]'))
                EXEC(N'CREATE FULLTEXT INDEX ON [dbo].[Messages] ([Body] LANGUAGE 0) KEY INDEX [PK_Messages] ON [{Catalog}] WITH (CHANGE_TRACKING = AUTO, STOPLIST = OFF)');
        END
        """;

    public const string DropText =
        $"""
        IF EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE [object_id] = OBJECT_ID(N'[dbo].[Messages]'))
            EXEC(N'DROP FULLTEXT INDEX ON [dbo].[Messages]');
        IF EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE [name] = N'{Catalog}')
            EXEC(N'DROP FULLTEXT CATALOG [{Catalog}]');
        """;

    public const string IndexExistsText =
        "SELECT CAST(CASE WHEN EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE [object_id] = OBJECT_ID(N'[dbo].[Messages]')) THEN 1 ELSE 0 END AS bit) AS [Value]";

    public static async Task<bool> IsIndexedAsync(ChatDbContext db, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<bool>(IndexExistsText).SingleAsync(ct);
}
