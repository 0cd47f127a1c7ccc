using Microsoft.AspNetCore.Identity;

namespace ChatWeb.Hosting;

internal static class AuthSchemes
{
    /// <summary>Browsers carry the Identity cookie; scripts and apps carry a bearer token. Both are welcome everywhere.</summary>
    public const string CookieOrBearer = "CookieOrBearer";

    public static string Select(HttpContext context) =>
        HasBearerToken(context) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme;

    public static bool HasBearerToken(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        || (IsHubRequest(context) && context.Request.Query.ContainsKey("access_token"));

    public static bool IsHubRequest(HttpContext context) => context.Request.Path.StartsWithSegments("/hubs");

    public static bool IsApiRequest(HttpContext context) =>
        IsHubRequest(context) || context.Request.Path.StartsWithSegments("/api");
}
