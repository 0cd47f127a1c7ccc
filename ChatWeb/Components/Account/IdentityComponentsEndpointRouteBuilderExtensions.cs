using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ChatWeb.Authentication;
using ChatWeb.Domain.Entities;

namespace Microsoft.AspNetCore.Routing;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    // Endpoints the Identity Razor components post to (a component cannot sign out during a render).
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async (
            HttpContext http,
            [FromServices] SignInManager<ChatUser> signInManager,
            [FromServices] ProviderSignOut providerSignOut,
            [FromForm] string? returnUrl) =>
        {
            var idToken = await ProviderSignOut.IdTokenOfCurrentSignInAsync(http);
            await signInManager.SignOutAsync();
            return await providerSignOut.AfterLocalSignOutAsync(http, idToken, $"~/{returnUrl}");
        });

        return accountGroup;
    }
}
