namespace ChatWeb.Domain.Data;

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>"Sqlite" (embedded, the default) or "SqlServer".</summary>
    public string Provider { get; set; } = DatabaseProviders.Sqlite;
}
