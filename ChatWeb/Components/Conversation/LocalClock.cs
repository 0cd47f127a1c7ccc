using System.Globalization;

namespace ChatWeb.Components.Conversation;

/// <summary>
/// Times as the reader sees them. The circuit runs on the server, whose clock and zone are not the
/// reader's, so the zone comes from the browser; until it is known (or if it cannot be), UTC.
/// </summary>
public sealed class LocalClock(TimeZoneInfo zone, TimeProvider time)
{
    public static LocalClock Utc(TimeProvider time) => new(TimeZoneInfo.Utc, time);

    public static LocalClock For(BrowserTimeZone? browser, TimeProvider time)
    {
        if (browser?.Id is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return new LocalClock(zone, time);
        }
        // A server without time zone data still gets today's offset right (daylight saving aside).
        return browser is null
            ? Utc(time)
            : new LocalClock(TimeZoneInfo.CreateCustomTimeZone("browser", TimeSpan.FromMinutes(browser.OffsetMinutes), "Browser", "Browser"), time);
    }

    public DateTime Now => ToLocal(time.GetUtcNow().UtcDateTime);

    public DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>For the hover title of a message: the full date and time.</summary>
    public string Full(DateTime utc)
    {
        var local = ToLocal(utc);
        return local.ToString("D", CultureInfo.CurrentCulture) + " " + local.ToString("T", CultureInfo.CurrentCulture);
    }

    public string Short(DateTime utc) => ToLocal(utc).ToString("t", CultureInfo.CurrentCulture);

    public string DayLabel(DateOnly day)
    {
        var today = DateOnly.FromDateTime(Now);
        if (day == today)
        {
            return "Today";
        }
        if (day == today.AddDays(-1))
        {
            return "Yesterday";
        }
        return day.ToString(day.Year == today.Year ? "dddd, d MMMM" : "dddd, d MMMM yyyy", CultureInfo.CurrentCulture);
    }

    public string LastSeen(DateTime? lastSeenUtc)
    {
        if (lastSeenUtc is not { } utc)
        {
            return "offline";
        }
        var ago = time.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        if (ago < TimeSpan.FromMinutes(1))
        {
            return "last seen just now";
        }
        if (ago < TimeSpan.FromHours(1))
        {
            return $"last seen {(int)ago.TotalMinutes} min ago";
        }
        var day = DateOnly.FromDateTime(ToLocal(utc));
        var label = DayLabel(day);
        var when = label is "Today" or "Yesterday" ? label.ToLowerInvariant() : "on " + day.ToString("d MMM", CultureInfo.CurrentCulture);
        return $"last seen {when} at {Short(utc)}";
    }
}
