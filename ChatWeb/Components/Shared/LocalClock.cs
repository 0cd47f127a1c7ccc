namespace ChatWeb.Components.Shared;

/// <summary>
/// "Now" in the viewer's own time zone, cascaded by <see cref="LocalClockProvider"/>. A Blazor Server
/// circuit runs on the server, which does not know the browser's zone, so every time a person
/// reads ("14:05", "Mon", "last seen 5 min ago") is formatted against this, never the server's clock.
/// </summary>
public sealed record LocalClock(TimeZoneInfo Zone, DateTimeOffset UtcNow)
{
    public static LocalClock Utc(TimeProvider time) => new(TimeZoneInfo.Utc, time.GetUtcNow());

    public DateTime LocalNow => TimeZoneInfo.ConvertTime(UtcNow, Zone).DateTime;

    /// <summary>Stored timestamps are UTC (the database converter restores the kind on read).</summary>
    public DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
}
