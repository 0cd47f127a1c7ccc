namespace ChatWeb.Hubs;

/// <summary>
/// Browsers send an Origin header; one that is not ChatWeb's own scheme, host and port means another
/// site is trying to use the visitor's cookie (cross-site WebSocket hijacking), and so does "null"
/// (a sandboxed frame or a file). Clients that send no Origin (scripts, apps, the circuit's own
/// connection) are normal and pass. Behind a configured proxy the request's scheme and host are the
/// forwarded ones (ForwardedHeadersRegistration), which is what the browser compares too.
/// </summary>
internal sealed class HubOriginGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(ChatHub.Path)
            && context.Request.Headers.Origin is { Count: > 0 } origin
            && !IsOwnOrigin(origin.ToString(), context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return context.Response.WriteAsync("Cross-origin connections to the chat hub are not allowed.");
        }
        return next(context);
    }

    private static bool IsOwnOrigin(string origin, HttpRequest request)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var claimed) || claimed.PathAndQuery is not ("/" or "")
            || !Uri.TryCreate($"{request.Scheme}://{request.Host.Value}", UriKind.Absolute, out var own))
        {
            return false;
        }
        // IdnHost: a look-alike in another script is compared in its punycode form, never equal to ours.
        return string.Equals(claimed.Scheme, own.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(claimed.IdnHost, own.IdnHost, StringComparison.OrdinalIgnoreCase)
            && claimed.Port == own.Port;
    }
}
