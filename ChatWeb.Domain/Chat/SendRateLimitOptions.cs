namespace ChatWeb.Domain.Chat;

/// <summary>The "Realtime:SendRateLimit" section: each person's allowance of sends (<see cref="SendQuota"/>).</summary>
public sealed class SendRateLimitOptions
{
    public const string SectionName = "Realtime:SendRateLimit";

    /// <summary>Messages a person may send at once after a pause: the bucket's size.</summary>
    public int Burst { get; set; } = 40;

    /// <summary>Messages per second a person may sustain: how fast the bucket refills.</summary>
    public int PerSecond { get; set; } = 20;
}
