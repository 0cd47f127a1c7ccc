namespace ChatWeb.Hubs;

/// <summary>
/// Refuses a hub connection whose query parameters are not ones ChatWeb understands, with 400 and
/// the reason, before SignalR makes a connection of it: a hub that refuses in OnConnectedAsync is
/// logged by SignalR at Error with a stack trace, and a client's typo is not a server error.
/// The negotiate request and the WebSocket request carry the same query, so both are checked.
/// </summary>
internal sealed class HubQueryGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(ChatHub.Path)
            && !ChatHubQuery.TryReadThreadUpdatedOnMessage(context.Request.Query, out _))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return context.Response.WriteAsync(ChatHubQuery.InvalidThreadUpdatedOnMessage);
        }
        return next(context);
    }
}
