using Microsoft.AspNetCore.SignalR;
using ChatWeb.Domain.Presence;
using StackExchange.Redis;

namespace ChatWeb.Scaling;

/// <summary>
/// With Redis:Configuration set, ChatWeb runs as one of several nodes: the SignalR backplane
/// carries hub sends between nodes and presence is shared. The Data Protection keys that sign
/// cookies and tokens are not kept here: Redis holds live state only, and the keys must outlive
/// it, so they live in the database every node shares (DataProtectionRegistration).
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

        services.AddSingleton<RedisPresenceTracker>();
        services.AddSingleton<IPresenceTracker>(sp => sp.GetRequiredService<RedisPresenceTracker>());
        services.AddHostedService<RedisPresenceHeartbeat>();
        return services;
    }
}
