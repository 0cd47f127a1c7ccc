using ChatWeb.Domain.Administration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatWeb.Tests.Infrastructure;

public static class Administrators
{
    /// <summary>Registers a person and makes them an administrator the way the Admin:Emails setting does.</summary>
    public static async Task<string> RegisterAdminAsync(this ChatWebFactory factory)
    {
        var email = await factory.RegisterUserAsync(TestUsers.UniqueEmail("admin"));
        await factory.Services.GetRequiredService<ConfiguredAdministrators>().GrantAsync([email], TestContext.Current.CancellationToken);
        return email;
    }
}
