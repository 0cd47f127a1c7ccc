using ChatWeb.Components.Conversation;
using ChatWeb.Domain.Chat;
using Xunit;

namespace ChatWeb.Tests.Components.Conversation;

public sealed class MessageWindowTests
{
    [Fact]
    public void AppendNewer_DuplicatesAndOldSeqs_AreIgnored()
    {
        var window = new MessageWindow(10);
        window.Reset(Range(1, 3));

        var result = window.AppendNewer([Message(3), Message(2), Message(4), Message(4)], keepNewest: true);

        Assert.Equal([4L], result.Added.Select(m => m.Seq));
        Assert.False(result.Gap);
        Assert.Equal([1L, 2, 3, 4], window.Messages.Select(m => m.Seq));
    }

    [Fact]
    public void AppendNewer_Hole_StopsAndReportsGap()
    {
        var window = new MessageWindow(10);
        window.Reset(Range(1, 3));

        var result = window.AppendNewer([Message(6)], keepNewest: true);

        Assert.True(result.Gap);
        Assert.Equal(3, window.LastSeq);
    }

    [Fact]
    public void PrependOlder_PastCapacity_DropsNewestAndLeavesTheLiveEnd()
    {
        var window = new MessageWindow(5);
        window.Reset(Range(8, 10));

        var added = window.PrependOlder(Range(4, 7));

        Assert.Equal(4, added);
        Assert.Equal([4L, 5, 6, 7, 8], window.Messages.Select(m => m.Seq));
        Assert.True(window.HasNewer);
        Assert.True(window.HasOlder);
    }

    [Fact]
    public void AppendNewer_AtCapacityReadingHistory_KeepsTheRowsBeingRead()
    {
        var window = new MessageWindow(3);
        window.Reset(Range(1, 3));

        window.AppendNewer([Message(4)], keepNewest: false);

        Assert.Equal([1L, 2, 3], window.Messages.Select(m => m.Seq));
        Assert.True(window.HasNewer);
    }

    [Fact]
    public void Reset_EmptyThread_HasNothingOlder()
    {
        var window = new MessageWindow(3);

        window.Reset([]);

        Assert.Equal(0, window.LastSeq);
        Assert.False(window.HasOlder);
        Assert.False(window.AppendNewer([Message(1)], keepNewest: true).Gap);
    }

    private static ChatMessage[] Range(long from, long to) =>
        [.. Enumerable.Range((int)from, (int)(to - from + 1)).Select(i => Message(i))];

    private static ChatMessage Message(long seq) =>
        new(Guid.NewGuid(), Guid.Empty, seq, "bob@example.com", "Bob", $"m{seq}", DateTime.UtcNow, $"c{seq}");
}
