namespace ChatWeb.Tests.Domain.Infrastructure;

/// <summary>
/// A clock that moves only when a test says so: ordering by time (thread list, who joined first)
/// must not depend on how fast the machine is.
/// </summary>
public sealed class TestClock : TimeProvider
{
    public static readonly DateTime Start = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private long ticks = Start.Ticks;

    public DateTime UtcNow => GetUtcNow().UtcDateTime;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    // Elapsed time (what rate limits measure) moves with the same hand as the date.
    public override long GetTimestamp() => Interlocked.Read(ref ticks);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
