using ChatWeb.Components.Conversation;
using ChatWeb.Components.Shared;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using Xunit;

namespace ChatWeb.Tests.Components.Conversation;

public sealed class MessageLifeBuilderTests
{
    private const string Ann = "ann@example.com";
    private const string Bob = "bob@example.com";
    private const string Cy = "cy@example.com";

    [Fact]
    public void Apply_DirectPeerReadTheFirst_MarksOnlyThatOneRead()
    {
        var window = Window(Message(1, Ann), Message(2, Ann));
        var summary = Summary(ThreadKind.Direct, MemberRole.Member, (Ann, 2), (Bob, 1));

        var rows = Build(window, summary);

        Assert.Equal([true, false], rows.Select(r => r.Life!.IsRead));
        Assert.All(rows, r => Assert.Null(r.Life!.SeenBy));
    }

    [Fact]
    public void Apply_ReadMarksHidden_ShowsNoReceipts()
    {
        var window = Window(Message(1, Ann), Message(2, Bob));
        var summary = Summary(ThreadKind.Direct, MemberRole.Member, (Ann, 2), (Bob, null));

        var rows = Build(window, summary);

        Assert.All(rows, r => Assert.False(r.Life!.IsRead));
    }

    [Fact]
    public void Apply_Group_SeenByUnderTheLatestOwnMessageOnly()
    {
        var window = Window(Message(1, Ann), Message(2, Ann), Message(3, Bob));
        var summary = Summary(ThreadKind.Group, MemberRole.Member, (Ann, 3), (Bob, 3), (Cy, 1));

        var rows = Build(window, summary);

        Assert.Null(rows[0].Life!.SeenBy);
        Assert.Equal([Bob], rows[1].Life!.SeenBy!.Members.Select(m => m.UserName));
        Assert.Null(rows[2].Life!.SeenBy);
        Assert.All(rows, r => Assert.False(r.Life!.IsRead));
    }

    [Fact]
    public void Apply_GroupAdmin_MayDeleteOthersButEditOnlyOwn()
    {
        var window = Window(Message(1, Ann), Message(2, Bob));
        var summary = Summary(ThreadKind.Group, MemberRole.Admin, (Ann, 2), (Bob, 2));

        var rows = Build(window, summary);

        Assert.Equal([true, false], rows.Select(r => r.Life!.CanEdit));
        Assert.Equal([true, true], rows.Select(r => r.Life!.CanDelete));
    }

    [Fact]
    public void Apply_PlainMemberAndDeletedMessage_OffersNothingOnTheDeletedAndNoDeleteOnOthers()
    {
        var window = Window(Message(1, Bob), Message(2, Ann) with { Body = "", DeletedAt = DateTime.UtcNow, DeletedBy = Ann });
        var summary = Summary(ThreadKind.Group, MemberRole.Member, (Ann, 2), (Bob, 2));

        var rows = Build(window, summary);

        Assert.False(rows[0].Life!.CanDelete);
        Assert.True(rows[0].Life!.CanReply);
        Assert.False(rows[1].Life!.HasActions);
        Assert.True(rows[1].Life!.IsDeleted);
    }

    [Fact]
    public void LastEditable_SkipsOthersAndDeleted()
    {
        var window = Window(Message(1, Ann), Message(2, Ann) with { DeletedAt = DateTime.UtcNow }, Message(3, Bob));

        var last = MessageLifeBuilder.LastEditable(window, Ann);

        Assert.Equal(1, last?.Seq);
    }

    [Fact]
    public void RecentEmoji_PickedHereFirstThenOwnReactionsNewestFirst()
    {
        var older = Message(1, Bob) with { Version = 5, Reactions = [new ReactionView("🎉", 1, [Ann])] };
        var newer = Message(2, Bob) with { Version = 9, Reactions = [new ReactionView("👀", 1, [Ann]), new ReactionView("🔥", 1, [Bob])] };

        var recent = RecentEmoji.Of(["✅"], [older, newer], Ann);

        Assert.Equal(["✅", "👀", "🎉"], recent);
    }

    private static IReadOnlyList<TimelineEntry> Build(MessageWindow window, ThreadSummary summary)
    {
        var rows = TimelineBuilder.Build(window.Messages, [], Ann, "Ann", summary.Kind == ThreadKind.Group, null, LocalClock.Utc(TimeProvider.System));
        return MessageLifeBuilder.Apply(rows, window, [], summary, Ann, editingId: null);
    }

    private static MessageWindow Window(params ChatMessage[] messages)
    {
        var window = new MessageWindow(10);
        window.Reset(messages);
        return window;
    }

    private static readonly Guid ThreadId = Guid.NewGuid();

    private static ChatMessage Message(long seq, string sender) =>
        new(Guid.NewGuid(), ThreadId, seq, sender, sender[..3], $"message {seq}", DateTime.UtcNow, Guid.NewGuid().ToString()) { Version = seq };

    private static ThreadSummary Summary(ThreadKind kind, MemberRole role, params (string UserName, long? LastReadSeq)[] members) =>
        new(ThreadId, kind, "Chat", null, false, 0, 3, 3, DateTime.UtcNow, "…", role,
            [.. members.Select(m => new ThreadMemberView(m.UserName, m.UserName[..3], MemberRole.Member, m.LastReadSeq))]);
}
