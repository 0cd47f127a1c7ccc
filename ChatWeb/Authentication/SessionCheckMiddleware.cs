using System.Security.Claims;
using ChatWeb.Domain.Administration;
using ChatWeb.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChatWeb.Authentication;

/// <summary>
/// Every authenticated request, cookie or bearer token, is checked against the account as it is
/// now: a sign-in issued before a deactivation or a password change stops working at once, on
/// every node (the database is the one truth they share). A stale cookie is removed; the request
/// goes on as anonymous, so pages send the person to log in and /api and /hubs answer 401.
/// </summary>
internal sealed class SessionCheckMiddleware(RequestDelegate next, SessionChecker checker, IOptions<IdentityOptions> identity, ILogger<SessionCheckMiddleware> logger)
{
    public const string EndedItemKey = "chatweb:session-ended";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            var stamp = context.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
            var state = await checker.CheckAsync(userId, stamp, context.RequestAborted);
            if (state != SessionState.Current)
            {
                logger.LogInformation("Refused a sign-in that is no longer valid ({State}) for user {UserId}.", state, userId);
                context.Items[EndedItemKey] = state;
                // Authorization reads the authentication result, not only the user: both must say anonymous.
                if (context.Features.Get<IAuthenticateResultFeature>() is { } result)
                {
                    result.AuthenticateResult = AuthenticateResult.NoResult();
                }
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
                if (!AuthSchemes.HasBearerToken(context))
                {
                    // The cookie handler removes its cookie, however many chunks it spans.
                    await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            }
        }
        await next(context);
    }
}
