using ChatWeb.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatWeb.Domain.Attachments;

internal static class AttachmentRegistration
{
    /// <summary>
    /// Files in a folder (or the database, by <see cref="AttachmentOptions.Store"/>) unless the host
    /// registers another store; the folder's relative path is placed under the host's content root
    /// (the working folder without a host).
    /// </summary>
    public static IServiceCollection AddChatAttachments(this IServiceCollection services)
    {
        services.AddOptions<AttachmentOptions>();
        services.TryAddSingleton<IAttachmentStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AttachmentOptions>>();
            return options.Value.Store switch
            {
                AttachmentStores.Folder => new FolderAttachmentStore(options, sp.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory()),
                AttachmentStores.Database => new DatabaseAttachmentStore(sp.GetRequiredService<IDbContextFactory<ChatDbContext>>()),
                var other => throw new InvalidOperationException(
                    $"Attachments:Store is '{other}'; it must be '{AttachmentStores.Folder}' or '{AttachmentStores.Database}'."),
            };
        });
        services.AddSingleton<AttachmentService>();
        services.AddSingleton<AttachmentClaims>();
        services.AddSingleton<AttachmentSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<AttachmentSweeper>());
        return services;
    }
}
