using System.Globalization;
using ChatWeb.Components.Shared;
using Xunit;

namespace ChatWeb.Tests.Components.Shared;

public sealed class ChatTimeFormatTests
{
    // Two hours east of UTC: a message at 23:30 UTC on Monday is Tuesday 01:30 for this viewer.
    private static readonly TimeZoneInfo Plus2 = TimeZoneInfo.CreateCustomTimeZone("test+2", TimeSpan.FromHours(2), "Test +2", "Test +2");
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    // Wednesday 4 March 2026, 12:00 local (10:00 UTC).
    private static readonly LocalClock Clock = new(Plus2, new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("2026-03-04T06:05:00Z", "08:05")] // today, local time
    [InlineData("2026-03-03T23:30:00Z", "01:30")] // yesterday in UTC, today for the viewer
    [InlineData("2026-03-03T21:30:00Z", "Tue")]   // yesterday for the viewer
    [InlineData("2026-02-26T12:00:00Z", "Thu")]   // six days back
    [InlineData("2026-02-25T12:00:00Z", "02/25/2026")] // a week back: the date, not an ambiguous "Wed"
    [InlineData("2026-03-04T10:00:30Z", "12:00")] // slightly ahead of this clock still reads as today
    public void ThreadTime_VariousAges_ReadsLikeAChatList(string utc, string expected)
    {
        var at = DateTime.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        var text = ChatTimeFormat.ThreadTime(at, Clock, Culture);

        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData(0.5, "last seen just now")]
    [InlineData(5, "last seen 5 min ago")]
    [InlineData(59, "last seen 59 min ago")]
    [InlineData(60 * 3, "last seen 3 h ago")]
    [InlineData(60 * 30, "last seen yesterday")]
    [InlineData(60 * 24 * 4, "last seen 4 days ago")]
    [InlineData(60 * 24 * 10, "last seen on 02/22/2026")]
    public void LastSeen_Offline_SaysHowLongAgo(double minutesAgo, string expected)
    {
        var seen = Clock.UtcNow.AddMinutes(-minutesAgo).UtcDateTime;

        var text = ChatTimeFormat.LastSeen(isOnline: false, seen, Clock, Culture);

        Assert.Equal(expected, text);
    }

    [Fact]
    public void LastSeen_Online_SaysOnlineWhateverTheLastSeen()
    {
        Assert.Equal("online", ChatTimeFormat.LastSeen(isOnline: true, DateTime.UtcNow.AddDays(-3), Clock, Culture));
    }

    [Fact]
    public void LastSeen_NeverSeen_SaysOffline()
    {
        Assert.Equal("offline", ChatTimeFormat.LastSeen(isOnline: false, lastSeenUtc: null, Clock, Culture));
    }
}
