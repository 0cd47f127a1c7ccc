using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatWeb.Domain.Data;

/// <summary>
/// EF Core builds one model per context type and shares it across the process, yet Identity shapes
/// that model (with or without passkeys) from the IdentityOptions of whichever context is built first.
/// Keying the cache on the schema version too stops a context made without those options (a tool,
/// a test) from handing every other context a model that no longer matches the migrations.
/// </summary>
internal sealed class IdentitySchemaModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), designTime, IdentitySchemaVersion(context));

    private static Version? IdentitySchemaVersion(DbContext context) =>
        context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
            ?.GetService<IOptions<IdentityOptions>>()?.Value.Stores.SchemaVersion;
}
