using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Data.SqlServer;

/// <summary>The production provider. Migrations live in Migrations/SqlServer.</summary>
public sealed class SqlServerChatDbContext(DbContextOptions<SqlServerChatDbContext> options) : ChatDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        SqlServerKeys.Apply(builder);
    }
}
