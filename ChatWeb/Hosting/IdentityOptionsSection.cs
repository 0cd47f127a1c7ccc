namespace ChatWeb.Hosting;

/// <summary>The "Identity" configuration section.</summary>
internal sealed class IdentityOptionsSection
{
    public const string SectionName = "Identity";

    /// <summary>Off by default: an intranet without a mail server must let people in right after registering.</summary>
    public bool RequireConfirmedAccount { get; set; }
}
