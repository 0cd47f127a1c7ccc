using Microsoft.AspNetCore.SignalR;
using ChatWeb.Domain.Presence;
using ChatWeb.Hosting;
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
            services.AddSingleton(BackplaneStatus.SingleNode);
            return services;
        }

        var options = ConfigurationOptions.Parse(redisConfiguration);
        // A node must come up even while Redis is still starting; the client keeps reconnecting.
        options.AbortOnConnectFail = false;
        // While Redis is away, a command fails at once instead of queueing for the command
        // timeout: a send is acknowledged after its commit, not seconds later when the push to
        // other nodes gives up. Their devices catch up by seq once Redis is back.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        var multiplexer = ConnectionMultiplexer.Connect(options);
        services.AddSingleton<IConnectionMultiplexer>(multiplexer);
        services.AddSingleton(new BackplaneStatus(multiplexer));
        services.AddHostedService<RedisConnectionLog>();

        signalR.AddStackExchangeRedis(o =>
        {
            o.Configuration.ChannelPrefix = RedisChannel.Literal("chatweb");
            o.ConnectionFactory = _ => Task.FromResult<IConnectionMultiplexer>(multiplexer);
        });

        var presence = configuration.GetSection(RedisPresenceOptions.SectionName).Get<RedisPresenceOptions>() ?? new RedisPresenceOptions();
        if (presence.NodeTimeout < TimeSpan.FromSeconds(3))
        {
            throw new InvalidOperationException($"Presence:NodeTimeout must be at least 3 seconds; got {presence.NodeTimeout}.");
        }
        presence.NodeName = NodeIdentity.From(configuration).Name;
        services.AddSingleton(presence);
        services.AddSingleton<RedisPresenceTracker>();
        services.AddSingleton<IPresenceTracker>(sp => sp.GetRequiredService<RedisPresenceTracker>());
        services.AddHostedService<RedisPresenceHeartbeat>();
        return services;
    }
}
