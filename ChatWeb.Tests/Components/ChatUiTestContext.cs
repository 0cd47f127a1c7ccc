using Bunit;
using ChatWeb.Domain;
using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using ChatWeb.Realtime;
using ChatWeb.Tests.Components.Fakes;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;
using Xunit;

namespace ChatWeb.Tests.Components;

/// <summary>
/// bUnit with MudBlazor and the real domain services on a fresh SQLite file per test; the live
/// connection and the signed-in user are hand-written fakes. Derived classes may register more
/// services in their constructor: the provider is built in <see cref="InitializeAsync"/>.
/// </summary>
public abstract class ChatUiTestContext : BunitContext, IAsyncLifetime
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"chatweb-ui-{Guid.NewGuid():N}.db");

    /// <param name="clock">A clock the test moves itself; the system clock when null.</param>
    protected ChatUiTestContext(TimeProvider? clock = null)
    {
        if (clock is not null)
        {
            Services.AddSingleton(clock);
        }
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{DatabaseRegistration.ConnectionStringName}"] = $"Data Source={databasePath}",
            })
            .Build();
        Services.AddChatDatabase(configuration, Path.GetTempPath());
        // IdentityDbContext builds its model from IdentityOptions: without the app's schema version
        // (passkeys) the model would not match the migrations.
        Services.Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3);
        Services.AddChatDomain();
        Services.Configure<ChatWeb.Domain.Attachments.AttachmentOptions>(o => o.Path = Path.Combine(Path.GetTempPath(), "chatweb-ui-tests", Guid.NewGuid().ToString("N")));
        Services.AddSeedingQuota();
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Services.AddSingleton<IChatEvents>(Events);
        Services.AddScoped<ChatWeb.Components.Search.SearchRequests>();
        Services.AddSingleton<ICurrentUserAccessor>(CurrentUser);
        JSInterop.Mode = JSRuntimeMode.Loose;
        // Database work runs on the thread pool; give it more than bUnit's default second on a busy machine.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }

    protected FakeChatEvents Events { get; } = new();

    protected FakeCurrentUserAccessor CurrentUser { get; } = new();

    /// <summary>The running test's token, for every call that takes one.</summary>
    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    /// <summary>The test's SQLite file, for tests that hold its lock themselves.</summary>
    protected string DatabasePath => databasePath;

    public virtual async ValueTask InitializeAsync()
    {
        // The components only load when interactive, as in a live circuit (not while prerendering).
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        await DatabaseInitializer.MigrateAsync(DbFactory, NullLogger.Instance, TimeSpan.Zero, Ct);
        // What the app's host does at start: the group-commit writer begins taking sends.
        foreach (var hosted in Services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(Ct);
        }
    }

    protected IDbContextFactory<ChatDbContext> DbFactory => Services.GetRequiredService<IDbContextFactory<ChatDbContext>>();

    protected T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Registers a person straight in the database, as Identity would.</summary>
    protected async Task<CurrentUser> AddUserAsync(string userName, string displayName)
    {
        await using var db = await DbFactory.CreateDbContextAsync(Ct);
        var user = new ChatUser
        {
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            Email = userName,
            NormalizedEmail = userName.ToUpperInvariant(),
            DisplayName = displayName,
            SecurityStamp = Guid.NewGuid().ToString(),
        };
        db.Users.Add(user);
        await db.SaveChangesAsync(Ct);
        return new CurrentUser(user.Id, userName, displayName);
    }

    /// <summary>Registers a person and makes them the circuit's signed-in user.</summary>
    protected async Task<CurrentUser> SignInAsync(string userName, string displayName)
    {
        var user = await AddUserAsync(userName, displayName);
        CurrentUser.User = user;
        return user;
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        // The writer answers what it was given and lets go of the database before the file goes.
        foreach (var hosted in Services.GetServices<IHostedService>().Reverse())
        {
            await hosted.StopAsync(CancellationToken.None);
        }
        await base.DisposeAsyncCore();
        DeleteDatabase();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            DeleteDatabase();
        }
    }

    private void DeleteDatabase()
    {
        // Pooled connections keep the file open.
        using (var connection = new SqliteConnection($"Data Source={databasePath}"))
        {
            SqliteConnection.ClearPool(connection);
        }
        foreach (var path in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // Another test's pool may still hold it for a moment; the temp folder is cleaned anyway.
            }
        }
    }
}
