using ChatWeb.Tests.Infrastructure.Oidc;
using Xunit;

namespace ChatWeb.BrowserTests.Infrastructure;

/// <summary>
/// A real OpenID Provider on loopback and a ChatWeb of its own that signs in through it (the
/// shared app has no provider configured). The app's port is picked first: the provider must
/// know where to send people back.
/// </summary>
public sealed class CompanySignInSetup : IAsyncLifetime
{
    public const string ProviderName = "Contoso account";

    public OidcTestProvider Provider { get; private set; } = null!;

    public ChatWebServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var port = FreePort.Pick();
        Provider = await OidcTestProvider.StartAsync(new Uri($"http://localhost:{port}/"));
        Server = new ChatWebServer(new Dictionary<string, string>
        {
            ["Authentication__OpenIdConnect__Authority"] = Provider.Authority,
            ["Authentication__OpenIdConnect__ClientId"] = OidcTestProvider.ClientId,
            ["Authentication__OpenIdConnect__ClientSecret"] = OidcTestProvider.ClientSecret,
            ["Authentication__OpenIdConnect__DisplayName"] = ProviderName,
            ["Authentication__OpenIdConnect__RequireHttpsMetadata"] = "false",
        }, port);
        await Server.InitializeAsync();
    }

    /// <summary>Puts the person in the provider's directory, with a verified email and their name.</summary>
    public Task AddToDirectoryAsync(Person person) => Provider.AddAccountAsync(person.Handle, person.Email, true, person.DisplayName);

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }
    }
}
