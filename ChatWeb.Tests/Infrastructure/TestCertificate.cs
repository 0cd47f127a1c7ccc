using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ChatWeb.Tests.Infrastructure;

/// <summary>A self-signed certificate with its private key, written as a password-protected .pfx, as an operator would provide one.</summary>
public static class TestCertificate
{
    public const string Password = "Key-Encryption-Passw0rd!";

    public static string WritePfx(string path)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=ChatWeb data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
