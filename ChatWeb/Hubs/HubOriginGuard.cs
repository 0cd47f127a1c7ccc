namespace ChatWeb.Hubs;

/// <summary>
/// Browsers send an Origin header; a foreign one on the hub means another site is trying to use the
/// visitor's cookie (cross-site WebSocket hijacking). Clients that send no Origin (scripts, apps,
/// the circuit's own connection) are normal and pass.
/// </summary>
internal sealed class HubOriginGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(ChatHub.Path)
            && context.Request.Headers.Origin is { Count: > 0 } origin
            && !IsSameHost(origin.ToString(), context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return context.Response.WriteAsync("Cross-origin connections to the chat hub are not allowed.");
        }
        return next(context);
    }

    private static bool IsSameHost(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
