using Microsoft.AspNetCore.SignalR;
using ChatWeb.Domain.Chat;
using ChatWeb.Hubs;
using ChatWeb.Realtime;
using ChatWeb.Scaling;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ChatWeb.Hosting;

internal static class RealtimeRegistration
{
    /// <summary>Large enough for a 4,000-character body even when every character is JSON-escaped.</summary>
    public const long MaximumReceiveMessageSize = 64 * 1024;

    public static IServiceCollection AddChatRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR(o =>
            {
                o.MaximumReceiveMessageSize = MaximumReceiveMessageSize;
                // Arguments SignalR cannot bind (wrong JSON types or count) are answered with the reason.
                // Nothing else adds detail: ChatHubFilter answers every fault of a hub method and of
                // connecting with a fixed message, so no exception's text reaches a client.
                o.EnableDetailedErrors = true;
                o.AddFilter<ChatHubFilter>();
            })
            .AddJsonProtocol(o => RealtimeJson.Configure(o.PayloadSerializerOptions));
        services.AddChatScaleOut(configuration, signalR);

        services.Configure<SendRateLimitOptions>(configuration.GetSection(SendRateLimitOptions.SectionName));
        services.AddSingleton<ChatHubFilter>();
        services.AddSingleton<TypingRelay>();
        services.AddSingleton<IChatNotifier, HubChatNotifier>();
        services.AddSingleton<CircuitTokenIssuer>();
        services.AddSingleton<HubAddress>();

        services.AddScoped<ICurrentUserAccessor, CurrentUserAccessor>();
        services.AddScoped<HubChatEvents>();
        services.AddScoped<IChatEvents>(sp => sp.GetRequiredService<HubChatEvents>());
        services.AddScoped<CircuitHandler, BrowserPresenceCircuitHandler>();
        services.AddScoped<ChatWeb.Components.Search.SearchRequests>();
        return services;
    }
}
