using ChatWeb.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ChatWeb.Authentication;

/// <summary>Sign-in through the company's OpenID Provider: authorization code flow with PKCE.</summary>
internal static class CompanySignIn
{
    public const string Scheme = "oidc";
    public const string IdTokenHint = "id_token_hint";

    public static AuthenticationBuilder AddCompanySignIn(this AuthenticationBuilder authentication, OpenIdConnectSettings settings)
    {
        if (!settings.IsConfigured)
        {
            return authentication;
        }
        // Every failure reaches OnRemoteFailure, which logs it once at the level it deserves; the
        // handler's own log would repeat a refused response (bad state, nonce, issuer) as an Error.
        authentication.Services.Configure<LoggerFilterOptions>(o => o.AddFilter(typeof(OpenIdConnectHandler).FullName, LogLevel.Critical));
        return authentication.AddOpenIdConnect(Scheme, settings.DisplayName, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            // The code comes back in the query of a top-level GET, so the correlation and nonce
            // cookies can be SameSite=Lax and work on plain HTTP too (form_post would need SameSite=None; Secure).
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.Scope.Add("email");
            o.MapInboundClaims = false;
            // Providers that keep to the specification send profile and email claims only from the
            // user info endpoint when an access token is issued; ask it, so both kinds work.
            o.GetClaimsFromUserInfoEndpoint = true;
            o.ClaimActions.MapUniqueJsonKey(settings.EmailVerifiedClaim, settings.EmailVerifiedClaim);
            o.SaveTokens = true;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            // A provider that was down is asked again after 30 s rather than the default five minutes.
            o.RefreshInterval = TimeSpan.FromSeconds(30);
            o.TokenValidationParameters.NameClaimType = "name";
            o.Events.OnRemoteFailure = ExternalSignInFailure.HandleAsync;
            o.Events.OnRedirectToIdentityProviderForSignOut = context =>
            {
                context.ProtocolMessage.IdTokenHint = context.Properties.GetParameter<string>(IdTokenHint);
                context.ProtocolMessage.ClientId = settings.ClientId;
                return Task.CompletedTask;
            };
        });
    }
}
