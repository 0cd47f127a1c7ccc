namespace ChatWeb.BrowserTests.Infrastructure;

/// <summary>
/// Someone who uses the app in a scenario. Every test makes new people (the app and its database
/// are shared by the whole run), so the email carries a random tag; the display name stays readable.
/// </summary>
public sealed record Person(string DisplayName, string Email)
{
    /// <summary>Meets the app's password rules (length 8, upper, lower, digit, symbol).</summary>
    public const string DefaultPassword = "Chat-Passw0rd";

    /// <summary>What they sign in with; someone who already has an account (a demo person) may have another.</summary>
    public string Password { get; init; } = DefaultPassword;

    /// <summary>The part of the email before the @: unique, and what the people search matches on.</summary>
    public string Handle => Email[..Email.IndexOf('@')];

    public static Person Create(string displayName)
    {
        var first = displayName.Split(' ')[0].ToLowerInvariant();
        return new Person(displayName, $"{first}-{Guid.NewGuid().ToString("N")[..10]}@corp.example");
    }
}
