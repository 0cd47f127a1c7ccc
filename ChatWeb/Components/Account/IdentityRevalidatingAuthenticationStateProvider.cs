using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ChatWeb.Domain.Administration;

namespace ChatWeb.Components.Account;

// A server-side AuthenticationStateProvider that revalidates the circuit's sign-in every minute: the backstop
// behind the live connection, which the server closes at once when the person is deactivated.
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        SessionChecker sessions,
        IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var principal = authenticationState.User;
        var state = await sessions.CheckAsync(
            principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType),
            cancellationToken);
        return state == SessionState.Current;
    }
}
