using ChatWeb.Domain.Chat;
using Microsoft.AspNetCore.SignalR;

namespace ChatWeb.Hubs;

/// <summary>Turns domain refusals into HubExceptions whose message reaches the caller; the connection stays usable.</summary>
internal sealed class ChatHubFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (ChatException ex)
        {
            throw new HubException(ex.Message);
        }
    }
}
