using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Data.Sqlite;
using ChatWeb.Domain.Data.SqlServer;
using ChatWeb.Domain.Search;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatWeb.Domain.Data;

public static class DatabaseRegistration
{
    public const string ConnectionStringName = "Chat";

    /// <summary>
    /// Registers <see cref="IDbContextFactory{ChatDbContext}"/> for the configured provider, plus a
    /// scoped <see cref="ChatDbContext"/> for Identity's stores, the provider's message store, and
    /// the group-commit writer as a hosted service (the host starts and stops it). Fails fast on bad
    /// configuration. Contexts are pooled: every read and presence change takes one, and building a
    /// fresh context (its internal service scope) cost more CPU than the SQL it then ran.
    /// </summary>
    public static IServiceCollection AddChatDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = configuration[$"{DatabaseOptions.SectionName}:Provider"] ?? DatabaseProviders.Sqlite;
        var connectionString = configuration.GetConnectionString(ConnectionStringName);

        if (string.Equals(provider, DatabaseProviders.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            var sqlite = ResolveSqlitePath(string.IsNullOrWhiteSpace(connectionString) ? "Data Source=data/chatweb.db" : connectionString, contentRoot);
            services.AddPooledDbContextFactory<SqliteChatDbContext>(o => ConfigureSqlite(o, sqlite));
            services.AddSingleton<IDbContextFactory<ChatDbContext>, ChatDbContextFactory<SqliteChatDbContext>>();
            services.AddSingleton<IMessageStore>(sp => new SqliteMessageStore(sqlite, sp.GetRequiredService<IDbContextFactory<ChatDbContext>>()));
            services.AddSingleton<IMessageSearch>(sp => new SqliteMessageSearch(sp.GetRequiredService<IDbContextFactory<ChatDbContext>>()));
        }
        else if (string.Equals(provider, DatabaseProviders.SqlServer, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    $"Database:Provider is SqlServer but ConnectionStrings:{ConnectionStringName} is empty. " +
                    $"Set it (environment variable ConnectionStrings__{ConnectionStringName}).");
            }
            services.AddPooledDbContextFactory<SqlServerChatDbContext>(o => ConfigureSqlServer(o, connectionString));
            services.AddSingleton<IDbContextFactory<ChatDbContext>, ChatDbContextFactory<SqlServerChatDbContext>>();
            services.AddSingleton<IMessageStore>(sp => new SqlServerMessageStore(connectionString, sp.GetRequiredService<IDbContextFactory<ChatDbContext>>()));
            services.AddSingleton<IMessageSearch>(sp => new SqlServerMessageSearch(sp.GetRequiredService<IDbContextFactory<ChatDbContext>>()));
        }
        else
        {
            throw new InvalidOperationException(
                $"Unknown Database:Provider '{provider}'. Use '{DatabaseProviders.Sqlite}' or '{DatabaseProviders.SqlServer}'.");
        }

        services.AddScoped<ChatDbContext>(sp => sp.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContext());
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GroupCommitWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<GroupCommitWriter>());
        // The migrations hold Identity's version 3 tables (passkeys); the model must say so wherever it is built.
        services.Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3);
        return services;
    }

    internal static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).AddInterceptors(SqliteBusyTimeout.Instance).ReplaceService<IModelCacheKeyFactory, IdentitySchemaModelCacheKeyFactory>();

    internal static void ConfigureSqlServer(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlServer(connectionString).ReplaceService<IModelCacheKeyFactory, IdentitySchemaModelCacheKeyFactory>();

    /// <summary>A relative SQLite file is placed under the content root, and its folder is created.</summary>
    private static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode != SqliteOpenMode.Memory && !builder.DataSource.StartsWith(':') && !string.IsNullOrEmpty(builder.DataSource))
        {
            var path = Path.IsPathRooted(builder.DataSource) ? builder.DataSource : Path.Combine(contentRoot, builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        return builder.ToString();
    }
}
