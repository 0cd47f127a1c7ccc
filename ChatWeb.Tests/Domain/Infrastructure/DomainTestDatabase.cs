using ChatWeb.Domain;
using ChatWeb.Domain.Administration;
using ChatWeb.Domain.Attachments;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Contacts;
using ChatWeb.Domain.Data;
using ChatWeb.Domain.Data.Sqlite;
using ChatWeb.Domain.Data.SqlServer;
using ChatWeb.Domain.Entities;
using ChatWeb.Domain.Presence;
using ChatWeb.Domain.Search;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatWeb.Tests.Domain.Infrastructure;

/// <summary>
/// A fresh database, migrated (and on SQLite switched to WAL) exactly as the app does at start-up,
/// with the domain services wired the way the app wires them and the group-commit writer running,
/// as the host would run it. SQLite: a file of its own. SQL Server: a database of its own on the
/// server <see cref="SqlServerTestServer"/> names, dropped afterwards. The notifier and the clock are the only fakes.
/// </summary>
public sealed class DomainTestDatabase : IAsyncDisposable
{
    private readonly DatabaseProvider provider;
    private readonly IConfiguration settings;
    private readonly string sqliteFolder;
    private readonly Func<IMessageStore, IMessageStore>? wrapStore;
    private readonly Action<IServiceCollection>? configure;
    private readonly List<ServiceProvider> nodes = [];
    private int userCount;

    private DomainTestDatabase(
        DatabaseProvider provider, IConfiguration settings, string sqliteFolder, Func<IMessageStore, IMessageStore>? wrapStore, Action<IServiceCollection>? configure)
    {
        (this.provider, this.settings, this.sqliteFolder, this.wrapStore, this.configure) = (provider, settings, sqliteFolder, wrapStore, configure);
    }

    /// <summary>
    /// A RAM-backed folder where the OS has one: SQLite runs exactly as configured (WAL, full sync),
    /// but each commit's fsync costs nothing, which is most of a test's wall time on a disk.
    /// </summary>
    private static string ScratchRoot { get; } =
        OperatingSystem.IsLinux() && System.IO.Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();

    public RecordingChatNotifier Notifier { get; } = new();
    public TestClock Clock { get; } = new();
    public CommandRecorder Commands { get; } = new();

    private ServiceProvider Services => nodes[0];

    public ConversationService Conversations => Services.GetRequiredService<ConversationService>();
    public GroupService Groups => Services.GetRequiredService<GroupService>();
    public ThreadSettingsService Settings => Services.GetRequiredService<ThreadSettingsService>();
    public MessageService Messages => Services.GetRequiredService<MessageService>();
    public MessageChangeService Changes => Services.GetRequiredService<MessageChangeService>();
    public ReadReceiptsService ReadReceipts => Services.GetRequiredService<ReadReceiptsService>();
    public MessageSearchService Search => Services.GetRequiredService<MessageSearchService>();
    public PresenceService Presence => Services.GetRequiredService<PresenceService>();
    public ContactService Contacts => Services.GetRequiredService<ContactService>();
    public DirectoryService Directory => Services.GetRequiredService<DirectoryService>();
    public AdministrationService Administration => Services.GetRequiredService<AdministrationService>();
    public AdminDirectory AdminDirectory => Services.GetRequiredService<AdminDirectory>();
    public ConfiguredAdministrators ConfiguredAdministrators => Services.GetRequiredService<ConfiguredAdministrators>();
    public SessionChecker Sessions => Services.GetRequiredService<SessionChecker>();
    public AttachmentService Attachments => Services.GetRequiredService<AttachmentService>();
    public AttachmentSweeper AttachmentSweeper => Services.GetRequiredService<AttachmentSweeper>();
    public AttachmentOptions AttachmentOptions => Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AttachmentOptions>>().Value;
    public RecordingSessionTerminator EndedSessions => (RecordingSessionTerminator)Services.GetRequiredService<ISessionTerminator>();

    public IDbContextFactory<ChatDbContext> Factory => Services.GetRequiredService<IDbContextFactory<ChatDbContext>>();

    /// <summary>The connection string EF's contexts use.</summary>
    public string ConnectionString
    {
        get
        {
            using var db = Factory.CreateDbContext();
            return db.Database.GetConnectionString()!;
        }
    }

    public static Task<DomainTestDatabase> CreateAsync(CancellationToken ct, DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        CreateAsync(ct, provider, wrapStore: null);

    /// <param name="wrapStore">Wraps the provider's message store, for a test that holds or fails it at the port.</param>
    /// <param name="configure">More registrations, after the app's (an interceptor to watch EF's connections, say).</param>
    internal static async Task<DomainTestDatabase> CreateAsync(
        CancellationToken ct, DatabaseProvider provider, Func<IMessageStore, IMessageStore>? wrapStore, Action<IServiceCollection>? configure = null)
    {
        var folder = Path.Combine(ScratchRoot, "chatweb-domain-tests", Guid.NewGuid().ToString("N"));
        var settings = new ConfigurationBuilder().AddInMemoryCollection(provider == DatabaseProvider.Sqlite
            // Relative, like the app's default: it lands under the content root, whose folder registration creates.
            ? new Dictionary<string, string?> { ["Database:Provider"] = DatabaseProviders.Sqlite, ["ConnectionStrings:Chat"] = "Data Source=chat.db" }
            : new Dictionary<string, string?> { ["Database:Provider"] = DatabaseProviders.SqlServer, ["ConnectionStrings:Chat"] = SqlServerTestServer.NewDatabase() })
            .Build();
        var database = new DomainTestDatabase(provider, settings, folder, wrapStore, configure);
        try
        {
            database.nodes.Add(database.BuildNode());
            await DatabaseInitializer.MigrateAsync(database.Factory, NullLogger.Instance, TimeSpan.Zero, ct);
            await StartAsync(database.Services, ct);
            return database;
        }
        catch
        {
            await database.DisposeQuietlyAsync();
            throw;
        }
    }

    /// <summary>
    /// Another node on the same database, as a second web node would be: services of its own and a
    /// writer of its own, sharing this one's notifier and clock.
    /// </summary>
    public async Task<MessageService> StartNodeAsync(CancellationToken ct)
    {
        var node = BuildNode();
        nodes.Add(node);
        await StartAsync(node, ct);
        return node.GetRequiredService<MessageService>();
    }

    internal T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public Task<ChatDbContext> OpenAsync(CancellationToken ct) => Factory.CreateDbContextAsync(ct);

    /// <summary>Registers a person directly in the Identity tables, normalised the way Identity's own normaliser does.</summary>
    public async Task<TestUser> CreateUserAsync(string displayName, string? email = null, CancellationToken ct = default)
    {
        var users = await CreateUsersAsync([(displayName, email)], ct);
        return users[0];
    }

    public async Task<IReadOnlyList<TestUser>> CreateUsersAsync(IReadOnlyList<(string DisplayName, string? Email)> people, CancellationToken ct)
    {
        var entities = people.Select(p =>
        {
            var email = p.Email ?? $"{p.DisplayName.ToLowerInvariant().Replace(' ', '.')}.{Interlocked.Increment(ref userCount)}@corp.example";
            return new ChatUser
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                DisplayName = p.DisplayName,
                SecurityStamp = Guid.NewGuid().ToString(),
            };
        }).ToList();

        await using var db = await OpenAsync(ct);
        db.Users.AddRange(entities);
        await db.SaveChangesAsync(ct);
        return entities.ConvertAll(u => new TestUser(u.Id, u.UserName!, u.DisplayName));
    }

    /// <summary>Makes the person an administrator, as the Admin:Emails setting would.</summary>
    public async Task MakeAdminAsync(TestUser user, CancellationToken ct)
    {
        await using var db = await OpenAsync(ct);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = AdminRole.Id });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Sends with a fresh client message id, as a well-behaved client does.</summary>
    public Task<ChatMessage> SendAsync(TestUser sender, Guid threadId, string body, CancellationToken ct) =>
        Messages.SendAsync(sender.Id, threadId, Guid.NewGuid().ToString(), body, ct);

    public Task<DatabaseState> StateAsync(CancellationToken ct) => DatabaseState.ReadAsync(Factory, ct);

    /// <summary>Stops every node's writer (each answers what it was given first), then drops the database.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await StopAsync(node);
        }
        var connectionString = nodes.Count > 0 ? ConnectionString : null;
        if (provider == DatabaseProvider.SqlServer && nodes.Count > 0)
        {
            await using var db = Factory.CreateDbContext();
            await db.Database.EnsureDeletedAsync(CancellationToken.None);
        }
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }
        if (provider == DatabaseProvider.Sqlite)
        {
            DeleteSqliteFolder(connectionString);
        }
        else if (System.IO.Directory.Exists(sqliteFolder))
        {
            // The attachments' folder.
            System.IO.Directory.Delete(sqliteFolder, recursive: true);
        }
    }

    /// <summary>After a failed start: the start's own error says more than a failed clean-up would.</summary>
    private async Task DisposeQuietlyAsync()
    {
        try
        {
            await DisposeAsync();
        }
        catch (Exception)
        {
            // Left for the server's administrator; the test already fails.
        }
    }

    private ServiceProvider BuildNode()
    {
        var collection = new ServiceCollection();
        collection.AddChatDatabase(settings, contentRoot: sqliteFolder);
        if (provider == DatabaseProvider.Sqlite)
        {
            collection.ConfigureDbContext<SqliteChatDbContext>(o => o.AddInterceptors(Commands));
        }
        else
        {
            collection.ConfigureDbContext<SqlServerChatDbContext>(o => o.AddInterceptors(Commands));
        }
        // The schema the migrations were made with (Identity's passkeys table comes with version 3).
        collection.Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3);
        collection.AddSingleton<IChatNotifier>(Notifier);
        collection.AddSingleton<TimeProvider>(Clock);
        collection.AddSingleton<ISessionTerminator>(new RecordingSessionTerminator());
        collection.AddSingleton<IPasswordResetLinks>(new RecordingPasswordResetLinks(Clock));
        collection.AddLogging();
        collection.AddChatDomain();
        // Every node of one test shares the folder, as nodes share a network folder.
        collection.Configure<AttachmentOptions>(o => o.Path = Path.Combine(sqliteFolder, "attachments"));
        collection.AddSeedingQuota();
        if (wrapStore is { } wrap)
        {
            var original = collection.Last(d => d.ServiceType == typeof(IMessageStore));
            collection.Remove(original);
            collection.AddSingleton(sp => wrap((IMessageStore)original.ImplementationFactory!(sp)));
        }
        configure?.Invoke(collection);
        return collection.BuildServiceProvider(validateScopes: true);
    }

    /// <summary>What a host does at start: the writer (and any other hosted service) starts.</summary>
    private static async Task StartAsync(ServiceProvider node, CancellationToken ct)
    {
        foreach (var hosted in Scheduled(node))
        {
            await hosted.StartAsync(ct);
        }
    }

    // All but the attachment sweeper, whose first sweep would run at a random moment of every test
    // (a stray query where a test counts them, a race where a test sweeps): tests call SweepAsync.
    private static IEnumerable<IHostedService> Scheduled(ServiceProvider node) =>
        node.GetServices<IHostedService>().Where(hosted => hosted is not ChatWeb.Domain.Attachments.AttachmentSweeper);

    private static async Task StopAsync(ServiceProvider node)
    {
        foreach (var hosted in Scheduled(node).Reverse())
        {
            await hosted.StopAsync(CancellationToken.None);
        }
    }

    private void DeleteSqliteFolder(string? connectionString)
    {
        if (connectionString is not null)
        {
            // Pooled connections keep the file open; release them so the folder can go.
            SqliteConnection.ClearPool(new SqliteConnection(connectionString));
        }
        try
        {
            System.IO.Directory.Delete(sqliteFolder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp file must not fail a test.
        }
    }
}
