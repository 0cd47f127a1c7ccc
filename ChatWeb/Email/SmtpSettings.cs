using MailKit.Security;

namespace ChatWeb.Email;

/// <summary>The "Email:Smtp" configuration section; mail is sent when Host is set.</summary>
internal sealed class SmtpSettings
{
    public const string SectionName = "Email:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender, e.g. "ChatWeb &lt;chat@corp.example&gt;".</summary>
    public string? From { get; set; }

    /// <summary>Auto: TLS on port 465, STARTTLS when the server offers it. None, StartTls, SslOnConnect force a choice.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public static SmtpSettings Read(IConfiguration configuration)
    {
        var settings = configuration.GetSection(SectionName).Get<SmtpSettings>() ?? new();
        if (settings.IsConfigured && string.IsNullOrWhiteSpace(settings.From))
        {
            throw new InvalidOperationException($"{SectionName}:From is required when {SectionName}:Host is set (e.g. \"ChatWeb <chat@corp.example>\").");
        }
        return settings;
    }
}
