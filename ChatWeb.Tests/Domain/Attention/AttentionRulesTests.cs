using ChatWeb.Domain.Attention;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using Xunit;

namespace ChatWeb.Tests.Domain.Attention;

public sealed class AttentionRulesTests
{
    private static readonly NotificationSettings On = NotificationSettings.Default;

    [Fact]
    public void Count_MutedAndNotMutedThreads_CountsUnreadWhereNotMutedAndMentionsWhereMuted()
    {
        ThreadSummary[] threads =
        [
            Thread(muted: false, unread: 3, mentions: 1),
            Thread(muted: true, unread: 5, mentions: 2),
            Thread(muted: true, unread: 4, mentions: 0),
        ];

        var count = AttentionRules.Count(threads);

        Assert.Equal(5L, count);
        Assert.True(AttentionRules.AnyUnread(threads));
        Assert.False(AttentionRules.AnyUnread([Thread(muted: false, unread: 0, mentions: 0)]));
    }

    [Fact]
    public void Notifies_MutedThread_OnlyForAMentionAndNeverForOnesOwnOrWithNotificationsOff()
    {
        var muted = Thread(muted: true, unread: 1, mentions: 0);
        var plain = Message(muted.Id, "bob@corp.example");
        var mention = plain with { Mentions = ["ann@corp.example"] };

        Assert.False(AttentionRules.Notifies(plain, muted, "ann@corp.example", On));
        Assert.True(AttentionRules.Notifies(mention, muted, "ANN@corp.example", On));
        Assert.True(AttentionRules.Notifies(plain, Thread(muted: false, unread: 1, mentions: 0), "ann@corp.example", On));
        Assert.False(AttentionRules.Notifies(mention with { Sender = "ann@corp.example" }, muted, "ann@corp.example", On));
        Assert.False(AttentionRules.Notifies(mention, muted, "ann@corp.example", On with { Desktop = false }));
    }

    private static ChatMessage Message(Guid thread, string sender) =>
        new(Guid.NewGuid(), thread, 1, sender, "Bob", "hello", DateTime.UtcNow, "c1");

    private static ThreadSummary Thread(bool muted, long unread, long mentions) => new ThreadSummary(
        Guid.NewGuid(), ThreadKind.Group, "Team", null, muted, unread, unread, 0, DateTime.UtcNow, "hi", MemberRole.Member, [])
    {
        UnreadMentions = mentions,
    };
}
