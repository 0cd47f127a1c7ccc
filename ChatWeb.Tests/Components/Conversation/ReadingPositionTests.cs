using ChatWeb.Components.Conversation;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using Xunit;

namespace ChatWeb.Tests.Components.Conversation;

public sealed class ReadingPositionTests
{
    private const string Me = "ann@corp.example";
    private const string Bob = "bob@corp.example";
    private static readonly Guid ThreadId = Guid.CreateVersion7();

    [Fact]
    public void Opened_WithUnread_DividerAtTheFirstUnreadAndServerMarkKnown()
    {
        var reading = new ReadingPosition(Me);

        reading.Opened(Summary(lastSeq: 9, lastReadSeq: 6));

        Assert.Equal((7L, 6L), (reading.UnreadFromSeq, reading.MarkedReadSeq));
    }

    [Fact]
    public void Opened_AllRead_NoDivider()
    {
        var reading = new ReadingPosition(Me);

        reading.Opened(Summary(lastSeq: 9, lastReadSeq: 9));

        Assert.Null(reading.UnreadFromSeq);
    }

    [Fact]
    public void NoteArrivals_ReaderAtTheNewest_NothingCountedNoDivider()
    {
        var (reading, window) = Opened(lastSeq: 3);

        reading.NoteArrivals([Message(4, Bob)], window);

        Assert.Equal((0, (long?)null), (reading.NewWhileAway, reading.UnreadFromSeq));
    }

    [Fact]
    public void NoteArrivals_ReaderScrolledUp_CountsOthersOnlyAndDividerAtTheFirstOfThem()
    {
        var (reading, window) = Opened(lastSeq: 3);
        reading.ScrolledTo(atBottom: false, window);

        reading.NoteArrivals([Message(4, "ANN@corp.example"), Message(5, Bob), Message(6, Bob)], window);

        Assert.Equal((2, (long?)5), (reading.NewWhileAway, reading.UnreadFromSeq));
    }

    [Fact]
    public void NoteArrivals_TabHidden_CountsThem()
    {
        var (reading, window) = Opened(lastSeq: 3);
        reading.VisibilityChanged(false);

        reading.NoteArrivals([Message(4, Bob)], window);

        Assert.Equal(1, reading.NewWhileAway);
    }

    [Fact]
    public void ScrolledTo_BackAtTheNewest_CountClearsDividerStays()
    {
        var (reading, window) = Opened(lastSeq: 3);
        reading.ScrolledTo(atBottom: false, window);
        reading.NoteArrivals([Message(4, Bob)], window);

        reading.ScrolledTo(atBottom: true, window);

        Assert.Equal((0, (long?)4), (reading.NewWhileAway, reading.UnreadFromSeq));
    }

    [Fact]
    public void ReadMarkDue_ViewingTheNewest_IsTheLastHeldSeqUntilMarked()
    {
        var (reading, window) = Opened(lastSeq: 3, lastReadSeq: 1);

        var due = reading.ReadMarkDue(window, force: false);
        reading.Marked(3);

        Assert.Equal(3, due);
        Assert.Null(reading.ReadMarkDue(window, force: false));
    }

    [Fact]
    public void ReadMarkDue_HiddenOrScrolledUp_NothingUnlessForced()
    {
        var (reading, window) = Opened(lastSeq: 3, lastReadSeq: 1);

        reading.VisibilityChanged(false);
        var hidden = reading.ReadMarkDue(window, force: false);
        reading.VisibilityChanged(true);
        reading.ScrolledTo(atBottom: false, window);
        var scrolledUp = reading.ReadMarkDue(window, force: false);
        var forced = reading.ReadMarkDue(window, force: true);

        Assert.Equal(((long?)null, (long?)null, (long?)3), (hidden, scrolledUp, forced));
    }

    [Fact]
    public void ReadMarkDue_WindowNotAtTheLiveEnd_NothingUnlessForced()
    {
        var (reading, window) = Opened(lastSeq: 3, lastReadSeq: 1);

        window.MarkHasNewer();

        Assert.Null(reading.ReadMarkDue(window, force: false));
        Assert.False(reading.IsViewingLatest(window));
    }

    [Fact]
    public void Sent_WhileScrolledUp_TheReaderIsAtTheBottomAgain()
    {
        var (reading, window) = Opened(lastSeq: 3);
        reading.ScrolledTo(atBottom: false, window);

        reading.Sent();

        Assert.True(reading.IsAtBottom);
    }

    private static (ReadingPosition Reading, MessageWindow Window) Opened(long lastSeq, long? lastReadSeq = null)
    {
        var reading = new ReadingPosition(Me);
        reading.Opened(Summary(lastSeq, lastReadSeq ?? lastSeq));
        var window = new MessageWindow(100);
        window.Reset([.. Enumerable.Range(1, (int)lastSeq).Select(seq => Message(seq, Bob))]);
        return (reading, window);
    }

    private static ThreadSummary Summary(long lastSeq, long lastReadSeq) => new(
        ThreadId, ThreadKind.Direct, "Bob", null, false, ThreadSummary.Unread(lastSeq, lastReadSeq), lastSeq, lastReadSeq,
        DateTime.UtcNow, "last", MemberRole.Member, []);

    private static ChatMessage Message(long seq, string sender) =>
        new(Guid.CreateVersion7(), ThreadId, seq, sender, sender, $"message {seq}", DateTime.UtcNow, Guid.NewGuid().ToString());
}
