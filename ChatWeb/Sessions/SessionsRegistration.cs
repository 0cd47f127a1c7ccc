using ChatWeb.Domain.Administration;
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
        services.Configure<HubOptions>(o => o.AddFilter<LiveConnectionsFilter>());
        services.AddSingleton<ISessionTerminator, SessionTerminator>();
        services.AddHostedService<SessionSweep>();
        if (configuration[ScaleOutRegistration.ConfigurationKey] is { Length: > 0 })
        {
            services.AddHostedService<SessionEndSubscriber>();
        }
        return services;
    }
}
