using System.Globalization;

namespace ChatWeb.Components.Shared;

/// <summary>How the sidebar words times: short, in the viewer's zone, like a phone's chat list.</summary>
public static class ChatTimeFormat
{
    /// <summary>Today → "14:05"; the six days before → "Mon"; older → the short date.</summary>
    public static string ThreadTime(DateTime utc, LocalClock clock, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var local = clock.ToLocal(utc);
        var today = clock.LocalNow.Date;
        // A timestamp slightly ahead of this clock (skew between servers) still reads as today.
        if (local.Date >= today)
        {
            return local.ToString("HH:mm", culture);
        }
        // Six days, not seven: a week-old message named by today's weekday would read as today.
        return local.Date > today.AddDays(-7) ? local.ToString("ddd", culture) : local.ToString("d", culture);
    }

    /// <summary>A message's time beside its bubble: "14:05".</summary>
    public static string Short(DateTime utc, LocalClock clock, CultureInfo? culture = null) =>
        clock.ToLocal(utc).ToString("t", culture ?? CultureInfo.CurrentCulture);

    /// <summary>A message's hover title: the full date and time.</summary>
    public static string Full(DateTime utc, LocalClock clock, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var local = clock.ToLocal(utc);
        return local.ToString("D", culture) + " " + local.ToString("T", culture);
    }

    /// <summary>The separator between days of a conversation: "Today", "Yesterday", "Monday, 3 February".</summary>
    public static string DayLabel(DateOnly day, LocalClock clock, CultureInfo? culture = null)
    {
        var today = DateOnly.FromDateTime(clock.LocalNow);
        if (day == today)
        {
            return "Today";
        }
        if (day == today.AddDays(-1))
        {
            return "Yesterday";
        }
        return day.ToString(day.Year == today.Year ? "dddd, d MMMM" : "dddd, d MMMM yyyy", culture ?? CultureInfo.CurrentCulture);
    }

    /// <summary>"online", "last seen 5 min ago", "last seen yesterday", "last seen on 03/02/2026"...</summary>
    public static string LastSeen(bool isOnline, DateTime? lastSeenUtc, LocalClock clock, CultureInfo? culture = null)
    {
        if (isOnline)
        {
            return "online";
        }
        if (lastSeenUtc is not { } seen)
        {
            return "offline";
        }

        var ago = clock.UtcNow - new DateTimeOffset(DateTime.SpecifyKind(seen, DateTimeKind.Utc));
        if (ago < TimeSpan.FromMinutes(1))
        {
            return "last seen just now";
        }
        if (ago < TimeSpan.FromHours(1))
        {
            return $"last seen {(int)ago.TotalMinutes} min ago";
        }
        if (ago < TimeSpan.FromDays(1))
        {
            return $"last seen {(int)ago.TotalHours} h ago";
        }

        var local = clock.ToLocal(seen);
        var days = (clock.LocalNow.Date - local.Date).Days;
        return days switch
        {
            <= 1 => "last seen yesterday",
            < 7 => $"last seen {days} days ago",
            _ => $"last seen on {local.ToString("d", culture ?? CultureInfo.CurrentCulture)}",
        };
    }
}
