using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Data.Sqlite;

/// <summary>The embedded provider: a file, zero set-up. Migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteChatDbContext(DbContextOptions<SqliteChatDbContext> options) : ChatDbContext(options);
