using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChatWeb.Domain.Data.Sqlite;

/// <summary>Lets `dotnet ef` build the SQLite model without starting the web app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteChatDbContext>
{
    public SqliteChatDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteChatDbContext>();
        DatabaseRegistration.ConfigureSqlite(options, "Data Source=design-time.db");
        options.UseApplicationServiceProvider(DesignTimeServices.WithIdentitySchemaVersion3());
        return new SqliteChatDbContext(options.Options);
    }
}
