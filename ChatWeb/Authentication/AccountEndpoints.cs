using ChatWeb.Domain.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ChatWeb.Authentication;

/// <summary>The sign-in endpoints the pages post to: the company's provider, and the idle keep-alive.</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapCompanySignInEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/Account");

        // A form post with an antiforgery token, so no other site can start a sign-in in the visitor's name.
        account.MapPost("/ExternalLogin", async (HttpContext http, SignInManager<ChatUser> signInManager, ILogger<ExternalSignIn> logger, [FromForm] string? returnUrl) =>
        {
            var callback = $"/Account/ExternalLogin/Callback?returnUrl={Uri.EscapeDataString(LocalUrl.OrHome(returnUrl))}";
            var properties = signInManager.ConfigureExternalAuthenticationProperties(CompanySignIn.Scheme, callback);
            try
            {
                await http.ChallengeAsync(CompanySignIn.Scheme, properties);
                return Results.Empty;
            }
            catch (Exception ex) when (ExternalSignInFailure.IsUnreachable(ex))
            {
                logger.LogWarning("The company's provider could not be reached to start a sign-in ({Message}).", ex.Message);
                return TypedResults.LocalRedirect(ExternalSignInFailure.PageFor(ExternalSignInFailure.ProviderUnavailable));
            }
        });

        account.MapGet("/ExternalLogin/Callback", (HttpContext http, ExternalSignIn signIn, [FromQuery] string? returnUrl) =>
            signIn.CompleteAsync(http, returnUrl));

        // Browsers ping this while the person uses the app, so the sliding cookie of an idle timeout
        // is renewed by real use (a Blazor circuit makes no HTTP requests of its own).
        account.MapPost("/KeepAlive", () => TypedResults.NoContent()).RequireAuthorization();
        return endpoints;
    }
}
