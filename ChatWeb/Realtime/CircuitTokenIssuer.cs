using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChatWeb.Realtime;

/// <summary>
/// Issues the circuit's hub connection a short-lived bearer token for the circuit's user, in the
/// same format /api/auth/login returns. The browser's cookie is never forwarded.
/// </summary>
internal sealed class CircuitTokenIssuer(IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public string Issue(ClaimsPrincipal user)
    {
        var properties = new AuthenticationProperties { ExpiresUtc = clock.GetUtcNow() + Lifetime };
        var ticket = new AuthenticationTicket(user, properties, IdentityConstants.BearerScheme);
        return bearerOptions.Get(IdentityConstants.BearerScheme).BearerTokenProtector.Protect(ticket);
    }
}
