using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChatWeb.Domain.Data.SqlServer;

/// <summary>Lets `dotnet ef` build the SQL Server model and script migrations with no server running.</summary>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerChatDbContext>
{
    public SqlServerChatDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqlServerChatDbContext>();
        DatabaseRegistration.ConfigureSqlServer(options, "Server=design-time;Database=ChatWeb;Trusted_Connection=True;TrustServerCertificate=True");
        options.UseApplicationServiceProvider(DesignTimeServices.WithIdentitySchemaVersion3());
        return new SqlServerChatDbContext(options.Options);
    }
}
