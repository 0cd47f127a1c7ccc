namespace ChatWeb.Authentication;

/// <summary>The company's OpenID Provider ("Authentication:OpenIdConnect"); sign-in through it is on when Authority is set.</summary>
internal sealed class OpenIdConnectSettings
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>What the login page's button says: "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; set; } = "company account";

    /// <summary>Only for a provider on plain HTTP on a trusted network (or a test); HTTPS otherwise.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The claim that says the email was verified (Entra ID: the optional claim xms_edov).</summary>
    public string EmailVerifiedClaim { get; set; } = "email_verified";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);

    public void Validate()
    {
        if (!IsConfigured)
        {
            return;
        }
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException($"Authentication:OpenIdConnect:Authority must be an absolute URL; got '{Authority}'.");
        }
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            throw new InvalidOperationException("Authentication:OpenIdConnect:ClientId is required when Authority is set.");
        }
    }
}
