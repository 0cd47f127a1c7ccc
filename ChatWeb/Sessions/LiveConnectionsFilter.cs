using Microsoft.AspNetCore.SignalR;

namespace ChatWeb.Sessions;

/// <summary>Keeps <see cref="LiveConnections"/> in step with the hub's connections, without touching the hub.</summary>
internal sealed class LiveConnectionsFilter(LiveConnections connections) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        connections.Add(context.Context);
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        connections.Remove(context.Context);
        await next(context, exception);
    }
}
