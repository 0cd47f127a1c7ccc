using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using Xunit;

namespace ChatWeb.Tests.Domain.Conversations;

/// <summary>How a device that opted out of ThreadUpdated on every message moves its thread on from a received message.</summary>
public sealed class ThreadWithMessageTests
{
    private const string Ann = "ann@corp.example";
    private const string Bob = "bob@corp.example";
    private static readonly DateTime Noon = new(2026, 3, 4, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Guid ThreadId = Guid.CreateVersion7();

    // Ann's view: Bob wrote 5, Ann read up to 3.
    private static readonly ThreadSummary AnnsView = new(
        ThreadId, ThreadKind.Direct, "Bob Stone", Nickname: "Bobby", IsMuted: true, UnreadCount: 2, LastSeq: 5, LastReadSeq: 3,
        LastMessageAt: Noon, LastMessagePreview: "five", MemberRole.Member,
        [new ThreadMemberView(Ann, "Ann Lee", MemberRole.Member), new ThreadMemberView(Bob, "Bob Stone", MemberRole.Member)],
        Bob, "Bob Stone");

    [Fact]
    public void WithMessage_FromSomeoneElse_MovesTheLastMessageAndCountsItUnread()
    {
        var after = AnnsView.WithMessage(Message(6, Bob, "Bob Stone", "  six\n\tand  more "), Ann);

        Assert.Equal((6L, 3L, 3L), (after.LastSeq, after.LastReadSeq, after.UnreadCount));
        Assert.Equal(("six and more", Bob, "Bob Stone", Noon.AddMinutes(6)),
            (after.LastMessagePreview, after.LastMessageSender, after.LastMessageSenderDisplayName, after.LastMessageAt));
        Assert.Equal(("Bobby", true, AnnsView.Members), (after.Nickname, after.IsMuted, after.Members));
    }

    [Fact]
    public void WithMessage_FromTheViewer_ReadsTheThreadUpToIt()
    {
        var after = AnnsView.WithMessage(Message(6, "ANN@corp.example", "Ann Lee", "mine"), Ann);

        Assert.Equal((6L, 6L, 0L), (after.LastSeq, after.LastReadSeq, after.UnreadCount));
        Assert.Equal(("mine", "ANN@corp.example"), (after.LastMessagePreview, after.LastMessageSender));
    }

    [Fact]
    public void WithMessage_OlderThanShown_KeepsTheLastMessage()
    {
        var after = AnnsView.WithMessage(Message(4, Bob, "Bob Stone", "four"), Ann);

        Assert.Equal(AnnsView, after);
    }

    [Fact]
    public void WithMessage_OwnMessageArrivingLate_StillMovesTheReadMark()
    {
        // Ann sent 6 and Bob 7; the deliveries overtook each other.
        var after = AnnsView
            .WithMessage(Message(7, Bob, "Bob Stone", "seven"), Ann)
            .WithMessage(Message(6, Ann, "Ann Lee", "six"), Ann);

        Assert.Equal((7L, 6L, 1L, "seven"), (after.LastSeq, after.LastReadSeq, after.UnreadCount, after.LastMessagePreview));
    }

    [Fact]
    public void WithMessage_LongBody_PreviewIsCutAsTheServerCutsIt()
    {
        var body = new string('x', 500);

        var after = AnnsView.WithMessage(Message(6, Bob, "Bob Stone", body), Ann);

        Assert.Equal(ChatThread.PreviewMaxLength, after.LastMessagePreview!.Length);
        Assert.EndsWith("…", after.LastMessagePreview);
    }

    [Fact]
    public void WithMessage_AnotherThreadsMessage_IsRefused()
    {
        var stray = Message(6, Bob, "Bob Stone", "elsewhere") with { ThreadId = Guid.CreateVersion7() };

        Assert.Throws<ArgumentException>(() => AnnsView.WithMessage(stray, Ann));
    }

    [Fact]
    public void WithMessage_FromAMemberWhoseMarkIsShown_MovesTheirMarkAndTheVersion()
    {
        var view = AnnsView with { Members = [AnnsView.Members[0] with { LastReadSeq = 3 }, AnnsView.Members[1] with { LastReadSeq = 4 }], LastVersion = 9 };

        var after = view.WithMessage(Message(6, Bob, "Bob Stone", "six") with { Version = 10 }, Ann);

        Assert.Equal((3L, 6L, 10L), (after.Members[0].LastReadSeq, after.Members[1].LastReadSeq, after.LastVersion));
    }

    [Fact]
    public void WithMessage_FromAMemberWhoseMarkIsHidden_KeepsItHidden()
    {
        var after = AnnsView.WithMessage(Message(6, Bob, "Bob Stone", "six"), Ann);

        Assert.All(after.Members, m => Assert.Null(m.LastReadSeq));
    }

    [Fact]
    public void WithChange_OfTheLastMessage_ThePreviewFollowsItsText()
    {
        var edited = Message(5, Bob, "Bob Stone", "five,\n  edited") with { Version = 12 };

        var after = AnnsView.WithChange(edited);

        Assert.Equal(("five, edited", 12L, false), (after.LastMessagePreview, after.LastVersion, after.LastMessageDeleted));
        Assert.Equal((5L, 3L, 2L, Bob), (after.LastSeq, after.LastReadSeq, after.UnreadCount, after.LastMessageSender));
    }

    [Fact]
    public void WithChange_DeletingTheLastMessage_LeavesNoPreviewAndSaysSo()
    {
        var deleted = Message(5, Bob, "Bob Stone", "") with { Version = 12, DeletedAt = Noon, DeletedBy = Bob };

        var after = AnnsView.WithChange(deleted);

        Assert.Equal(((string?)null, true, Noon), (after.LastMessagePreview, after.LastMessageDeleted, after.LastMessageAt));
    }

    [Fact]
    public void WithChange_OfAnEarlierMessage_MovesOnlyTheVersion()
    {
        var after = AnnsView.WithChange(Message(4, Bob, "Bob Stone", "four, edited") with { Version = 12 });

        Assert.Equal(AnnsView with { LastVersion = 12 }, after);
    }

    [Fact]
    public void WithReadUpTo_RaisesTheMembersMark_NeverLowersIt()
    {
        var raised = AnnsView.WithReadUpTo(new ReadUpTo(ThreadId, "BOB@corp.example", 5));
        var lower = raised.WithReadUpTo(new ReadUpTo(ThreadId, Bob, 2));

        Assert.Equal((null, 5L), (raised.Members[0].LastReadSeq, raised.Members[1].LastReadSeq));
        Assert.Equal(raised, lower);
        Assert.Throws<ArgumentException>(() => AnnsView.WithReadUpTo(new ReadUpTo(Guid.CreateVersion7(), Bob, 5)));
    }

    private static ChatMessage Message(long seq, string sender, string senderName, string body) =>
        new(Guid.CreateVersion7(), ThreadId, seq, sender, senderName, body, Noon.AddMinutes(seq), Guid.NewGuid().ToString());
}
