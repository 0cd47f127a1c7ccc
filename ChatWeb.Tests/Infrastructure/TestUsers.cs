namespace ChatWeb.Tests.Infrastructure;

public static class TestUsers
{
    /// <summary>Meets the app's password rules (length 8, upper, lower, digit, symbol).</summary>
    public const string Password = "Chat-Passw0rd";

    /// <summary>Every test gets its own person, so tests sharing a database never collide.</summary>
    public static string UniqueEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@corp.example";
}
