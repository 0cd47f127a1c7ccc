namespace ChatWeb.Demo;

/// <summary>The lived-in demo (<c>Demo:*</c> settings): a small company seeded into an empty database.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";
    public const string DefaultPassword = "Demo-Passw0rd!";

    /// <summary>Seed the demo company at start-up, into an empty database only.</summary>
    public bool Seed { get; set; }

    /// <summary>What every demo person signs in with; it must meet the password rules.</summary>
    public string Password { get; set; } = DefaultPassword;
}
