using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatWeb.Tests.Integration.CompanySignIn;

/// <summary>ChatWeb with sign-in through a company provider at <paramref name="authority"/>, plus any other settings.</summary>
/// <param name="withoutPushedAuthorization">
/// Sends the authorization request in the browser's address, as with a provider that lacks pushed
/// authorization requests (Entra ID): then a test can tamper with it.
/// </param>
internal sealed class SsoFactory(string authority, IReadOnlyDictionary<string, string>? settings = null, bool withoutPushedAuthorization = false) : ChatWebFactory
{
    public const string ProviderName = "Contoso account";

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Authentication:OpenIdConnect:Authority", authority);
        builder.UseSetting("Authentication:OpenIdConnect:ClientId", Infrastructure.Oidc.OidcTestProvider.ClientId);
        builder.UseSetting("Authentication:OpenIdConnect:ClientSecret", Infrastructure.Oidc.OidcTestProvider.ClientSecret);
        builder.UseSetting("Authentication:OpenIdConnect:DisplayName", ProviderName);
        // The test provider speaks plain HTTP on loopback.
        builder.UseSetting("Authentication:OpenIdConnect:RequireHttpsMetadata", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        if (withoutPushedAuthorization)
        {
            builder.ConfigureTestServices(services => services.PostConfigure<OpenIdConnectOptions>(
                ChatWeb.Authentication.CompanySignIn.Scheme, o => o.PushedAuthorizationBehavior = PushedAuthorizationBehavior.Disable));
        }
    }
}
