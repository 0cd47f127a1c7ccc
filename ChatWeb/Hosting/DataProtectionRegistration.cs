using System.Security.Cryptography.X509Certificates;
using ChatWeb.Domain.Data;
using Microsoft.AspNetCore.DataProtection;

namespace ChatWeb.Hosting;

internal static class DataProtectionRegistration
{
    public const string KeysPathSetting = "DataProtection:KeysPath";
    public const string CertificatePathSetting = "DataProtection:CertificatePath";
    public const string CertificatePasswordSetting = "DataProtection:CertificatePassword";

    /// <summary>
    /// Sign-in cookies and bearer tokens are encrypted with the data protection keys, so the keys must
    /// outlive restarts, container re-creation and Redis, and be shared by every node. They are kept in
    /// the chat database (the DataProtectionKeys table), which every node already shares and which is
    /// backed up with the data; or, with <c>DataProtection:KeysPath</c> set, in that folder. With
    /// <c>DataProtection:CertificatePath</c> set they are encrypted at rest with that certificate;
    /// without one the framework warns "No XML encryptor configured" when it makes a key, because on
    /// Linux there is nothing else to encrypt them with (README, Configuration).
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
        else
        {
            dataProtection.PersistKeysToDbContext<ChatDbContext>();
        }

        if (configuration[CertificatePathSetting] is { Length: > 0 } certificatePath)
        {
            dataProtection.ProtectKeysWithCertificate(LoadCertificate(certificatePath, configuration[CertificatePasswordSetting]));
        }
        return services;
    }

    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        if (!Path.IsPathRooted(path))
        {
            throw new InvalidOperationException(
                $"{CertificatePathSetting} must be an absolute file path (environment variable DataProtection__CertificatePath); got '{path}'.");
        }
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{CertificatePathSetting} names '{path}', which does not exist (a PKCS#12 .pfx file with its private key).");
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new InvalidOperationException(
                $"Could not open the certificate '{path}' ({ex.Message}); check {CertificatePasswordSetting} (environment variable DataProtection__CertificatePassword).", ex);
        }
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"The certificate '{path}' has no private key; the keys could be encrypted but never read back.");
    }
}
