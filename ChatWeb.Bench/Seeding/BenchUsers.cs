namespace ChatWeb.Bench.Seeding;

/// <summary>The people a run uses: numbered colleagues plus the two who own the long history thread.</summary>
internal static class BenchUsers
{
    /// <summary>Meets the server's password rules (upper, lower, digit, symbol, 8+ characters).</summary>
    public const string Password = "Bench-Passw0rd!";

    public const string HistoryOwner = "history-a@bench.test";
    public const string HistoryPeer = "history-b@bench.test";

    public static string Name(int index) => $"u{index:D4}@bench.test";
}
