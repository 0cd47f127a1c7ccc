using ChatWeb.Tests.Infrastructure.Oidc;
using Xunit;

namespace ChatWeb.Tests.Integration.CompanySignIn;

/// <summary>One real OpenID Provider and one ChatWeb signing in through it, for a test class.</summary>
public sealed class SsoFixture : IAsyncLifetime
{
    public OidcTestProvider Provider { get; private set; } = null!;

    internal SsoFactory App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // The in-memory test server answers as http://localhost/.
        Provider = await OidcTestProvider.StartAsync(new Uri("http://localhost/"));
        App = new SsoFactory(Provider.Authority);
    }

    /// <summary>A new person in the provider's directory; returns the id to type on its login page and their email.</summary>
    public async Task<(string Id, string Email)> AddPersonAsync(string name, bool? emailVerified = true, bool withEmail = true)
    {
        var id = $"{name.Split(' ')[0].ToLowerInvariant()}-{Guid.NewGuid():N}";
        var email = $"{id}@corp.example";
        await Provider.AddAccountAsync(id, withEmail ? email : null, withEmail ? emailVerified : null, name);
        return (id, email);
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }
    }
}
