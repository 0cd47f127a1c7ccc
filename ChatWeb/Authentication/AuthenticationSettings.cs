namespace ChatWeb.Authentication;

/// <summary>The "Authentication" configuration section.</summary>
internal sealed class AuthenticationSettings
{
    public const string SectionName = "Authentication";

    /// <summary>False for companies that sign in only through their directory: no registration, no passwords.</summary>
    public bool LocalAccounts { get; set; } = true;

    /// <summary>Signs a person out after this long without using the app (shared computers). Off when null.</summary>
    public TimeSpan? IdleTimeout { get; set; }

    public OpenIdConnectSettings OpenIdConnect { get; set; } = new();

    public static AuthenticationSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(SectionName).Get<AuthenticationSettings>() ?? new();
        if (settings.IdleTimeout is { } idle && idle < TimeSpan.FromMinutes(1))
        {
            throw new InvalidOperationException($"{SectionName}:IdleTimeout must be at least one minute (e.g. 00:15:00); got {idle}.");
        }
        settings.OpenIdConnect.Validate();
        if (!settings.LocalAccounts && !settings.OpenIdConnect.IsConfigured)
        {
            throw new InvalidOperationException(
                $"{SectionName}:LocalAccounts is false but {SectionName}:OpenIdConnect is not configured: nobody could sign in.");
        }
        return settings;
    }
}
