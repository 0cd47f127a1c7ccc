using Microsoft.AspNetCore.SignalR;
using ChatWeb.Domain.Presence;
using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace ChatWeb.Scaling;

/// <summary>
/// With Redis:Configuration set, ChatWeb runs as one of several nodes: the SignalR backplane
/// carries hub sends between nodes, presence is shared, and the Data Protection keys that sign
/// cookies and tokens are shared so a sign-in works on any node.
/// </summary>
internal static class ScaleOutRegistration
{
    public const string ConfigurationKey = "Redis:Configuration";

    public static IServiceCollection AddChatScaleOut(this IServiceCollection services, IConfiguration configuration, ISignalRServerBuilder signalR)
    {
        if (configuration[ConfigurationKey] is not { Length: > 0 } redisConfiguration)
        {
            return services;
        }

        var options = ConfigurationOptions.Parse(redisConfiguration);
        // A node must come up even while Redis is still starting; the client keeps reconnecting.
        options.AbortOnConnectFail = false;
        var multiplexer = ConnectionMultiplexer.Connect(options);
        services.AddSingleton<IConnectionMultiplexer>(multiplexer);

        signalR.AddStackExchangeRedis(o =>
        {
            o.Configuration.ChannelPrefix = RedisChannel.Literal("chatweb");
            o.ConnectionFactory = _ => Task.FromResult<IConnectionMultiplexer>(multiplexer);
        });
        services.AddDataProtection()
            .SetApplicationName("ChatWeb")
            .PersistKeysToStackExchangeRedis(multiplexer, "chatweb:data-protection-keys");

        services.AddSingleton<RedisPresenceTracker>();
        services.AddSingleton<IPresenceTracker>(sp => sp.GetRequiredService<RedisPresenceTracker>());
        services.AddHostedService<RedisPresenceHeartbeat>();
        return services;
    }
}
