using Bunit;
using ChatWeb.Components.Shared;
using ChatWeb.Components.Threads;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using Xunit;

namespace ChatWeb.Tests.Components.Attention;

public sealed class MentionBadgeTests : ChatComponentTestContext
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ThreadRow_UnreadMentions_ShowTheAtBadgeMutedOrNot(bool muted)
    {
        var thread = Group(muted) with { UnreadMentions = 2 };

        var cut = Render<ThreadRow>(p => p.Add(r => r.Thread, thread).Add(r => r.Clock, LocalClock.Utc(TimeProvider.System)));

        var badge = cut.Find("[data-testid=mention-badge]");
        Assert.Equal(("@", "2"), (badge.TextContent, badge.GetAttribute("data-count")));
        Assert.Contains("2 unread mentions", cut.Markup);
    }

    [Fact]
    public void ThreadRow_NoUnreadMentions_ShowsNoAtBadge()
    {
        var cut = Render<ThreadRow>(p => p.Add(r => r.Thread, Group(false)).Add(r => r.Clock, LocalClock.Utc(TimeProvider.System)));

        Assert.Empty(cut.FindAll("[data-testid=mention-badge]"));
    }

    private static ThreadSummary Group(bool muted) => new(
        Guid.NewGuid(), ThreadKind.Group, "Team", Nickname: null, muted, UnreadCount: 3, LastSeq: 3, LastReadSeq: 0, DateTime.UtcNow,
        LastMessagePreview: "hi", MemberRole.Member, [new ThreadMemberView("ann@corp.example", "Ann", MemberRole.Member)]);
}
