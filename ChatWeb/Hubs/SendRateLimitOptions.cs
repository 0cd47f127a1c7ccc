namespace ChatWeb.Hubs;

/// <summary>The "Realtime:SendRateLimit" section: a per-user token bucket on SendMessage.</summary>
public sealed class SendRateLimitOptions
{
    public const string SectionName = "Realtime:SendRateLimit";

    /// <summary>Messages a person may send in a burst.</summary>
    public int Burst { get; set; } = 40;

    /// <summary>Messages per second a person may sustain.</summary>
    public int PerSecond { get; set; } = 20;
}
