using ChatWeb.Domain;
using ChatWeb.Domain.Administration;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Contacts;
using ChatWeb.Domain.Data;
using ChatWeb.Domain.Data.Sqlite;
using ChatWeb.Domain.Entities;
using ChatWeb.Domain.Presence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatWeb.Tests.Domain.Infrastructure;

/// <summary>
/// A fresh SQLite file, migrated and switched to WAL exactly as the app does at start-up, with the
/// domain services wired the way the app wires them. The notifier and the clock are the only fakes.
/// </summary>
public sealed class DomainTestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly string folder;
    private readonly string connectionString;
    private int userCount;

    private DomainTestDatabase(ServiceProvider services, string folder, RecordingChatNotifier notifier, TestClock clock, CommandRecorder commands)
    {
        this.services = services;
        this.folder = folder;
        Notifier = notifier;
        Clock = clock;
        Commands = commands;
        using var db = Factory.CreateDbContext();
        connectionString = db.Database.GetConnectionString()!;
    }

    /// <summary>
    /// A RAM-backed folder where the OS has one: SQLite runs exactly as configured (WAL, full sync),
    /// but each commit's fsync costs nothing, which is most of a test's wall time on a disk.
    /// </summary>
    private static string ScratchRoot { get; } =
        OperatingSystem.IsLinux() && System.IO.Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();

    public RecordingChatNotifier Notifier { get; }
    public TestClock Clock { get; }
    public CommandRecorder Commands { get; }

    public ConversationService Conversations => services.GetRequiredService<ConversationService>();
    public GroupService Groups => services.GetRequiredService<GroupService>();
    public ThreadSettingsService Settings => services.GetRequiredService<ThreadSettingsService>();
    public MessageService Messages => services.GetRequiredService<MessageService>();
    public PresenceService Presence => services.GetRequiredService<PresenceService>();
    public ContactService Contacts => services.GetRequiredService<ContactService>();
    public DirectoryService Directory => services.GetRequiredService<DirectoryService>();
    public AdministrationService Administration => services.GetRequiredService<AdministrationService>();
    public AdminDirectory AdminDirectory => services.GetRequiredService<AdminDirectory>();
    public ConfiguredAdministrators ConfiguredAdministrators => services.GetRequiredService<ConfiguredAdministrators>();
    public SessionChecker Sessions => services.GetRequiredService<SessionChecker>();
    public RecordingSessionTerminator EndedSessions => (RecordingSessionTerminator)services.GetRequiredService<ISessionTerminator>();

    /// <param name="setBasedSends">
    /// Store sends with the one-statement-per-batch SQL a server database gets, instead of SQLite's
    /// prepared per-row statements: that SQL then runs against real SQLite too.
    /// </param>
    public static Task<DomainTestDatabase> CreateAsync(CancellationToken ct, bool setBasedSends = false) =>
        CreateAsync(ct, setBasedSends ? db => new SetBasedBatchStatements(db) : null);

    /// <param name="sendStatements">The send path's statements, for a test that wraps SQLite's own; null for the app's choice.</param>
    internal static async Task<DomainTestDatabase> CreateAsync(CancellationToken ct, Func<ChatDbContext, IBatchStatements>? sendStatements)
    {
        var folder = Path.Combine(ScratchRoot, "chatweb-domain-tests", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Chat"] = "Data Source=chat.db" })
            .Build();

        var (notifier, clock, commands) = (new RecordingChatNotifier(), new TestClock(), new CommandRecorder());
        var collection = new ServiceCollection();
        // Relative, like the app's default: it lands under the content root, whose folder registration creates.
        collection.AddChatDatabase(configuration, contentRoot: folder);
        collection.ConfigureDbContext<SqliteChatDbContext>(o => o.AddInterceptors(commands));
        // The schema the migrations were made with (Identity's passkeys table comes with version 3).
        collection.Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3);
        collection.AddSingleton<IChatNotifier>(notifier);
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddSingleton<ISessionTerminator>(new RecordingSessionTerminator());
        collection.AddSingleton<IPasswordResetLinks>(new RecordingPasswordResetLinks(clock));
        collection.AddLogging();
        collection.AddChatDomain();
        if (sendStatements is not null)
        {
            collection.AddSingleton(sp => new MessageService(
                sp.GetRequiredService<IDbContextFactory<ChatDbContext>>(), notifier, clock, sendStatements));
        }

        var database = new DomainTestDatabase(collection.BuildServiceProvider(validateScopes: true), folder, notifier, clock, commands);
        await DatabaseInitializer.MigrateAsync(database.Factory, NullLogger.Instance, TimeSpan.Zero, ct);
        return database;
    }

    public IDbContextFactory<ChatDbContext> Factory => services.GetRequiredService<IDbContextFactory<ChatDbContext>>();

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

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        // Pooled connections keep the file open; release them so the folder can go.
        SqliteConnection.ClearPool(new SqliteConnection(connectionString));
        try
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp file must not fail a test.
        }
    }
}
