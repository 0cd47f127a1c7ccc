using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatWeb.Domain.Attachments;

internal static class AttachmentRegistration
{
    /// <summary>
    /// Files in a folder unless the host registers another store; the folder's relative path is
    /// placed under the host's content root (the working folder without a host).
    /// </summary>
    public static IServiceCollection AddChatAttachments(this IServiceCollection services)
    {
        services.AddOptions<AttachmentOptions>();
        services.TryAddSingleton<IAttachmentStore>(sp => new FolderAttachmentStore(
            sp.GetRequiredService<IOptions<AttachmentOptions>>(),
            sp.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory()));
        services.AddSingleton<AttachmentService>();
        services.AddSingleton<AttachmentClaims>();
        services.AddSingleton<AttachmentSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<AttachmentSweeper>());
        return services;
    }
}
