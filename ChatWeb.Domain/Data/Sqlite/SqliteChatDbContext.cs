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
}
