using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Data.Sqlite;

/// <summary>The embedded provider: a file, zero set-up. Migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteChatDbContext(DbContextOptions<SqliteChatDbContext> options) : ChatDbContext(options)
{
    /// <summary>
    /// SQLite leaves a row's old bytes in its page's free space (and a freed overflow page's on the
    /// free list) until something overwrites them; <c>secure_delete</c> zeroes them as they are freed.
    /// It is a setting of the connection, so it stays on for whichever pooled connection ran a
    /// delete; zeroing costs nothing where nothing is freed.
    /// </summary>
    internal override Task EraseFreedSpaceAsync(CancellationToken ct) =>
        Database.ExecuteSqlRawAsync("PRAGMA secure_delete = ON;", ct);

    /// <summary>
    /// FTS5's external-content index must be told the text it indexed to forget it: this reads it
    /// from the row, which still holds it until the change is saved.
    /// </summary>
    internal override Task UnindexMessageAsync(Guid messageId, CancellationToken ct) =>
        Database.ExecuteSqlRawAsync(
            $$"""
            INSERT INTO "{{SqliteSearchSyntax.Table}}"("{{SqliteSearchSyntax.Table}}", rowid, "Body")
            SELECT 'delete', rowid, "Body" FROM "Messages" WHERE "Id" = {0}
            """, [Key(messageId)], ct);

    internal override Task IndexMessageAsync(Guid messageId, CancellationToken ct) =>
        Database.ExecuteSqlRawAsync(
            $$"""
            INSERT INTO "{{SqliteSearchSyntax.Table}}"(rowid, "Body")
            SELECT rowid, "Body" FROM "Messages" WHERE "Id" = {0} AND "DeletedAt" IS NULL
            """, [Key(messageId)], ct);

    /// <summary>A GUID as EF stores it on SQLite: upper-case text.</summary>
    private static string Key(Guid id) => id.ToString("D").ToUpperInvariant();
}
