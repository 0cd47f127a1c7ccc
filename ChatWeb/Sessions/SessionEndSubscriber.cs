using StackExchange.Redis;

namespace ChatWeb.Sessions;

/// <summary>With several nodes: closes this node's connections of a person whose sessions ended on another node.</summary>
internal sealed class SessionEndSubscriber(IConnectionMultiplexer redis, LiveConnections connections) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        redis.GetSubscriber().SubscribeAsync(SessionTerminator.Channel, (_, userId) =>
        {
            if (!userId.IsNullOrEmpty)
            {
                connections.CloseAll(userId!);
            }
        });

    public Task StopAsync(CancellationToken cancellationToken) => redis.GetSubscriber().UnsubscribeAsync(SessionTerminator.Channel);
}
