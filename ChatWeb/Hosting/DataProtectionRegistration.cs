using Microsoft.AspNetCore.DataProtection;

namespace ChatWeb.Hosting;

internal static class DataProtectionRegistration
{
    public const string KeysPathSetting = "DataProtection:KeysPath";

    /// <summary>
    /// Sign-in cookies and bearer tokens are encrypted with the data protection keys. Left alone, the keys
    /// live in the process's user profile, which a container loses on every re-creation: everybody would be
    /// signed out. With <c>DataProtection:KeysPath</c> set they are kept in that folder; point every web node
    /// at the same folder so a cookie issued by one is accepted by all.
    /// </summary>
    public static IServiceCollection AddChatDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        // A fixed name, not the default content-root path, so nodes installed in different folders share keys.
        var dataProtection = services.AddDataProtection().SetApplicationName("ChatWeb");

        var keysPath = configuration[KeysPathSetting];
        if (!string.IsNullOrWhiteSpace(keysPath))
        {
            if (!Path.IsPathRooted(keysPath))
            {
                throw new InvalidOperationException(
                    $"{KeysPathSetting} must be an absolute folder path (environment variable DataProtection__KeysPath); got '{keysPath}'.");
            }
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keysPath));
        }
        return services;
    }
}
