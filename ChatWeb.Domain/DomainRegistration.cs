using ChatWeb.Domain.Administration;
using ChatWeb.Domain.Attention;
using ChatWeb.Domain.Attachments;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Contacts;
using ChatWeb.Domain.Data;
using ChatWeb.Domain.Presence;
using ChatWeb.Domain.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatWeb.Domain;

public static class DomainRegistration
{
    /// <summary>
    /// The chat services. They are stateless singletons: each operation opens its own DbContext,
    /// which is what a long-lived Blazor circuit needs. Hosts replace the notifier and presence tracker.
    /// </summary>
    public static IServiceCollection AddChatDomain(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IChatNotifier, NullChatNotifier>();
        services.TryAddSingleton<IPresenceTracker, InMemoryPresenceTracker>();
        // Hosts bind the section (Realtime:SendRateLimit); without it the defaults apply.
        services.AddOptions<SendRateLimitOptions>();
        services.AddSingleton<SendQuota>();
        services.AddSingleton<ConversationService>();
        services.AddSingleton<GroupService>();
        services.AddSingleton<ThreadSettingsService>();
        services.AddSingleton<MessageChangeService>();
        services.AddSingleton<ReadReceiptsService>();
        services.AddSingleton<NotificationSettingsService>();
        // Built by hand: its constructor takes the internal message store and writer, which the
        // container's activator (public constructors only) cannot see.
        services.AddSingleton(sp => new MessageService(
            sp.GetRequiredService<IMessageStore>(), sp.GetRequiredService<GroupCommitWriter>(), sp.GetRequiredService<IChatNotifier>(),
            sp.GetRequiredService<SendQuota>(),
            new OnlineMembers(sp.GetRequiredService<IDbContextFactory<ChatDbContext>>(), sp.GetRequiredService<IPresenceTracker>()),
            sp.GetRequiredService<AttachmentClaims>()));
        services.AddChatAttachments();
        services.AddSingleton(sp => new MessageSearchService(
            sp.GetRequiredService<IMessageSearch>(), sp.GetRequiredService<IMessageStore>(), sp.GetRequiredService<IDbContextFactory<ChatDbContext>>()));
        services.AddSingleton<PresenceService>();
        services.AddSingleton<ContactService>();
        services.AddSingleton<DirectoryService>();
        services.TryAddSingleton<ISessionTerminator, NullSessionTerminator>();
        services.AddSingleton<SessionChecker>();
        services.AddSingleton<AdminDirectory>();
        services.AddSingleton<AdministrationService>();
        services.AddSingleton<ConfiguredAdministrators>();
        return services;
    }
}
