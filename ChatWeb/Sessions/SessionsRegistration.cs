using ChatWeb.Domain.Administration;
using ChatWeb.Hubs;
using ChatWeb.Scaling;
using Microsoft.AspNetCore.SignalR;

namespace ChatWeb.Sessions;

internal static class SessionsRegistration
{
    /// <summary>Ending a person's sessions: this node's connection list, the cross-node message, the sweep.</summary>
    public static IServiceCollection AddChatSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<LiveConnections>();
        services.AddSingleton<LiveConnectionsFilter>();
        // The chat hub only: Blazor's own circuit hub must keep its connection, so the page can be told it is signed out.
        // The chat hub only (its options start as a copy of the global ones): Blazor's own circuit hub
        // must keep its connection, so the page can still be told it is signed out.
        services.AddSignalR().AddHubOptions<ChatHub>(o => o.AddFilter<LiveConnectionsFilter>());
        services.AddSingleton<ISessionTerminator, SessionTerminator>();
        services.AddHostedService<SessionSweep>();
        if (configuration[ScaleOutRegistration.ConfigurationKey] is { Length: > 0 })
        {
            services.AddHostedService<SessionEndSubscriber>();
        }
        return services;
    }
}
