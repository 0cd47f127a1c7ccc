using ChatWeb.Components.Conversation;
using ChatWeb.Realtime;
using ChatWeb.Tests.Components.Fakes;
using Xunit;

namespace ChatWeb.Tests.Components.Conversation;

public sealed class TypingTrackerTests
{
    private static readonly Guid ThreadId = Guid.CreateVersion7();

    private readonly ManualTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Note_NothingMoreForFourSeconds_TheNameLapsesAndLapsedIsRaised()
    {
        using var typing = new TypingTracker(clock);
        var lapses = 0;
        typing.Lapsed += () => lapses++;
        typing.Note(Notice("bob", "Bob"));

        clock.Advance(TimeSpan.FromSeconds(3.9));
        var before = typing.ActiveDisplayNames();
        clock.Advance(TimeSpan.FromSeconds(0.2));

        Assert.Equal(["Bob"], before);
        Assert.Empty(typing.ActiveDisplayNames());
        Assert.Equal(1, lapses);
    }

    [Fact]
    public void Note_Repeated_TheLapseMovesOn()
    {
        using var typing = new TypingTracker(clock);
        var lapses = 0;
        typing.Lapsed += () => lapses++;
        typing.Note(Notice("bob", "Bob"));

        clock.Advance(TimeSpan.FromSeconds(3));
        typing.Note(Notice("bob", "Bob"));
        clock.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(["Bob"], typing.ActiveDisplayNames());
        Assert.Equal(0, lapses);
    }

    [Fact]
    public void Lapse_OfTheFirstOfTwo_TheTimerIsSetAgainForTheSecond()
    {
        using var typing = new TypingTracker(clock);
        var lapses = 0;
        typing.Lapsed += () => lapses++;
        typing.Note(Notice("bob", "Bob"));
        clock.Advance(TimeSpan.FromSeconds(2));
        typing.Note(Notice("cat", "Cat"));

        clock.Advance(TimeSpan.FromSeconds(2.1));
        var afterFirst = typing.ActiveDisplayNames();
        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(["Cat"], afterFirst);
        Assert.Empty(typing.ActiveDisplayNames());
        Assert.Equal(2, lapses);
    }

    [Fact]
    public void Remove_TheirMessageArrived_NameGoesAtOnce()
    {
        using var typing = new TypingTracker(clock);
        typing.Note(Notice("bob", "Bob"));

        typing.Remove("BOB@corp.example");

        Assert.Empty(typing.ActiveDisplayNames());
    }

    [Fact]
    public void Dispose_WhileSomeoneTypes_NoLapseAfterwards()
    {
        var typing = new TypingTracker(clock);
        var lapses = 0;
        typing.Lapsed += () => lapses++;
        typing.Note(Notice("bob", "Bob"));

        typing.Dispose();
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(0, lapses);
    }

    [Theory]
    [InlineData(new string[0], null)]
    [InlineData(new[] { "Bob" }, "Bob is typing…")]
    [InlineData(new[] { "Bob", "Cat" }, "Bob and Cat are typing…")]
    [InlineData(new[] { "Bob", "Cat", "Dan" }, "Several people are typing…")]
    public void Describe_ByNumberOfTypists_ReadsNaturally(string[] names, string? expected)
    {
        var text = TypingTracker.Describe(names);

        Assert.Equal(expected, text);
    }

    private static TypingNotice Notice(string handle, string displayName) => new(ThreadId, $"{handle}@corp.example", displayName);
}
