using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChatWeb.Authentication;

/// <summary>
/// Logging out of ChatWeb after a sign-in through the company's provider also ends the provider's
/// session, when its discovery document names an end-session endpoint. A provider that cannot be
/// reached does not keep anyone signed in here: the local sign-out has happened already.
/// </summary>
internal sealed class ProviderSignOut(IOptionsMonitor<OpenIdConnectOptions> oidcOptions, AuthenticationSettings settings, ILogger<ProviderSignOut> logger)
{
    /// <summary>The provider's ID token of the current sign-in, if it came through the provider.</summary>
    public static async Task<string?> IdTokenOfCurrentSignInAsync(HttpContext http)
    {
        var current = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        return current.Properties?.GetTokenValue("id_token");
    }

    public async Task<IResult> AfterLocalSignOutAsync(HttpContext http, string? idToken, string localReturnUrl)
    {
        if (idToken is null || !settings.OpenIdConnect.IsConfigured || !await HasEndSessionEndpointAsync(http.RequestAborted))
        {
            return TypedResults.LocalRedirect(localReturnUrl);
        }
        // The provider sends the browser back to /signout-callback-oidc, which then goes on to this page.
        var properties = new AuthenticationProperties { RedirectUri = LocalUrl.OrHome(localReturnUrl.TrimStart('~')) };
        properties.SetParameter(CompanySignIn.IdTokenHint, idToken);
        return TypedResults.SignOut(properties, [CompanySignIn.Scheme]);
    }

    private async Task<bool> HasEndSessionEndpointAsync(CancellationToken ct)
    {
        try
        {
            var options = oidcOptions.Get(CompanySignIn.Scheme);
            var configuration = await options.ConfigurationManager!.GetConfigurationAsync(ct);
            return !string.IsNullOrEmpty(configuration.EndSessionEndpoint);
        }
        catch (Exception ex) when (ExternalSignInFailure.IsUnreachable(ex) || ex is InvalidOperationException)
        {
            logger.LogWarning("Signed out locally only: the company's provider could not be reached ({Message}).", ex.Message);
            return false;
        }
    }
}
