namespace ChatWeb.Authentication;

/// <summary>The "Admin" configuration section: <c>Admin:Emails</c>, the people who are administrators.</summary>
internal sealed class AdminSettings
{
    public const string SectionName = "Admin";

    public List<string> Emails { get; set; } = [];

    public bool Lists(string email) => Emails.Any(e => string.Equals(e.Trim(), email, StringComparison.OrdinalIgnoreCase));

    public static AdminSettings From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<AdminSettings>() ?? new();
}
