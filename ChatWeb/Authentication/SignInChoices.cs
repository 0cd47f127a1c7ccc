namespace ChatWeb.Authentication;

/// <summary>What the sign-in pages offer, from the settings: passwords, the company's provider, mailed resets.</summary>
public sealed class SignInChoices(bool localAccounts, string? companyProviderName, bool canSendMail, TimeSpan? idleTimeout = null)
{
    public bool LocalAccounts { get; } = localAccounts;

    /// <summary>The button's "Sign in with …" text, or null when no OpenID Provider is configured.</summary>
    public string? CompanyProviderName { get; } = companyProviderName;

    /// <summary>False without SMTP: "Forgot your password?" could not reach anyone, so people ask an administrator.</summary>
    public bool CanSendMail { get; } = canSendMail;

    /// <summary>Authentication:IdleTimeout: sign out after this long without use; null when off.</summary>
    public TimeSpan? IdleTimeout { get; } = idleTimeout;
}
