using Bunit;
using ChatWeb.Components.Conversation;
using ChatWeb.Domain;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using ChatWeb.Realtime;
using ChatWeb.Tests.Components.Conversation.Fakes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;
using Xunit;

namespace ChatWeb.Tests.Components.Conversation;

/// <summary>
/// bUnit with MudBlazor, the real domain services on a fresh SQLite file, and fakes only for what
/// belongs to the circuit: the signed-in user and the live event connection.
/// </summary>
public abstract class ConversationTestContext : BunitContext, IAsyncLifetime
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"chatweb-conversation-{Guid.NewGuid():N}.db");

    /// <param name="clock">A clock the test moves itself; the system clock when null.</param>
    protected ConversationTestContext(TimeProvider? clock = null)
    {
        if (clock is not null)
        {
            Services.AddSingleton(clock);
        }
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Chat"] = $"Data Source={databasePath}" })
            .Build();
        Services.AddChatDatabase(configuration, Path.GetTempPath());
        // The migrations include Identity's passkey tables; the app's Identity set-up selects that schema.
        Services.Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3);
        Services.AddChatDomain();
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Services.AddSingleton<IChatEvents>(Events);
        Services.AddSingleton<ICurrentUserAccessor>(CurrentUser);
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected FakeChatEvents Events { get; } = new();

    protected FakeCurrentUserAccessor CurrentUser { get; } = new();

    protected string DatabasePath => databasePath;

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected MessageService Messages => Services.GetRequiredService<MessageService>();

    protected ConversationService Conversations => Services.GetRequiredService<ConversationService>();

    protected GroupService Groups => Services.GetRequiredService<GroupService>();

    public async ValueTask InitializeAsync() =>
        await DatabaseInitializer.MigrateAsync(
            Services.GetRequiredService<IDbContextFactory<ChatDbContext>>(), NullLogger.Instance, TimeSpan.Zero, Ct);

    protected async Task<CurrentUser> AddUserAsync(string displayName)
    {
        var email = $"{displayName.ToLowerInvariant()}@example.com";
        var user = new ChatUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = displayName,
        };
        await using var db = await Services.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContextAsync(Ct);
        db.Users.Add(user);
        await db.SaveChangesAsync(Ct);
        return new CurrentUser(user.Id, email, displayName);
    }

    protected void SignIn(CurrentUser user) => CurrentUser.User = user;

    protected Task<ChatMessage> SendAsync(CurrentUser from, Guid threadId, string body) =>
        Messages.SendAsync(from.Id, threadId, Guid.NewGuid().ToString(), body, Ct);

    /// <summary>The conversation inside the providers the app's layout supplies.</summary>
    protected IRenderedComponent<IComponent> RenderConversation(Guid threadId) => Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<ConversationView>(1);
        builder.AddAttribute(2, nameof(ConversationView.ThreadId), threadId);
        builder.CloseComponent();
    });

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }
}
