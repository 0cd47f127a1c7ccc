using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChatWeb.Domain.Data;

internal static class DesignTimeServices
{
    /// <summary>
    /// IdentityDbContext reads the schema version from IdentityOptions; without it the design-time
    /// model lacks the passkeys table the running app has.
    /// </summary>
    public static IServiceProvider WithIdentitySchemaVersion3() =>
        new ServiceCollection()
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
            .BuildServiceProvider();
}
