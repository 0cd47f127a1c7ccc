using ChatWeb.Components.Threads;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using Xunit;

namespace ChatWeb.Tests.Components.Attention;

/// <summary>The thread list keeps unread mentions from messages and from views arriving in any order.</summary>
public sealed class ThreadListMentionTests
{
    private static readonly DateTime Noon = new(2026, 3, 4, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Advance_MessageMentioningTheReader_AddsOneEvenWhenMuted()
    {
        var model = new ThreadListModel("ann@corp.example");
        var muted = Group() with { IsMuted = true };
        model.Reset([muted]);

        model.Advance(Message(muted.Id, 3, ["ann@corp.example"]));
        model.Advance(Message(muted.Id, 3, ["ann@corp.example"])); // the same message again
        model.Advance(Message(muted.Id, 4, ["bob@corp.example"]));

        Assert.Equal((1L, 2L), (model.Threads[0].UnreadMentions, model.Threads[0].UnreadCount));
    }

    [Fact]
    public void Upsert_OlderViewAfterAMention_KeepsTheMentionAndAReadEverywhereClearsIt()
    {
        var model = new ThreadListModel("ann@corp.example");
        var shown = Group();
        model.Reset([shown]);
        model.Advance(Message(shown.Id, 3, ["ann@corp.example"]));

        model.Upsert(shown with { Nickname = "Launch" });
        var kept = model.Threads[0].UnreadMentions;
        model.Upsert(shown with { LastSeq = 3, LastReadSeq = 3, UnreadCount = 0, UnreadMentions = 0 });

        Assert.Equal(1L, kept);
        Assert.Equal(0L, model.Threads[0].UnreadMentions);
    }

    private static ChatMessage Message(Guid thread, long seq, IReadOnlyList<string> mentions) =>
        new(Guid.NewGuid(), thread, seq, "bob@corp.example", "Bob", "hi", Noon.AddMinutes(seq), $"c{seq}")
        {
            Mentions = mentions,
        };

    private static ThreadSummary Group() => new(
        Guid.NewGuid(), ThreadKind.Group, "Team", Nickname: null, IsMuted: false, UnreadCount: 0, LastSeq: 2, LastReadSeq: 2, Noon,
        LastMessagePreview: "hi", MemberRole.Member,
        [new ThreadMemberView("ann@corp.example", "Ann", MemberRole.Member), new ThreadMemberView("bob@corp.example", "Bob", MemberRole.Owner)]);
}
