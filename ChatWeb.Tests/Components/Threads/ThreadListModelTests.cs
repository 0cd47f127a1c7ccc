using ChatWeb.Components.Threads;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using ChatWeb.Domain.Presence;
using Xunit;

namespace ChatWeb.Tests.Components.Threads;

public sealed class ThreadListModelTests
{
    private static readonly DateTime Noon = new(2026, 3, 4, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Upsert_NewerActivity_MovesThreadToTheTop()
    {
        var model = new ThreadListModel("ann@corp.example");
        var a = Direct("bob@corp.example", lastSeq: 1, at: Noon);
        var b = Direct("cat@corp.example", lastSeq: 1, at: Noon.AddMinutes(1));
        model.Reset([a, b]);

        var changed = model.Upsert(a with { LastSeq = 2, LastMessageAt = Noon.AddMinutes(2) });

        Assert.True(changed);
        Assert.Equal([a.Id, b.Id], model.Threads.Select(t => t.Id));
    }

    [Fact]
    public void Upsert_OlderViewThanShown_IsDropped()
    {
        var model = new ThreadListModel("ann@corp.example");
        var shown = Direct("bob@corp.example", lastSeq: 5, at: Noon) with { LastReadSeq = 5, UnreadCount = 0 };
        model.Reset([shown]);

        var olderSeq = model.Upsert(shown with { LastSeq = 4, LastReadSeq = 3, UnreadCount = 1 });
        var olderRead = model.Upsert(shown with { LastReadSeq = 2, UnreadCount = 3 });

        Assert.False(olderSeq);
        Assert.False(olderRead);
        Assert.Equal(0, Assert.Single(model.Threads).UnreadCount);
    }

    [Fact]
    public void Upsert_ReadOnAnotherDeviceJustBeforeAMessageArrivedHere_KeepsTheReadAndTheMessage()
    {
        var model = new ThreadListModel("ann@corp.example");
        var shown = Direct("bob@corp.example", lastSeq: 10, at: Noon) with { UnreadCount = 10 };
        model.Reset([shown]);
        model.Advance(new ChatMessage(Guid.NewGuid(), shown.Id, 11, "bob@corp.example", "Bob", "eleven", Noon.AddMinutes(1), "c11"));

        // Ann's phone read up to 10; its view was read before message 11 was stored.
        var changed = model.Upsert(shown with { LastReadSeq = 10, UnreadCount = 0 });

        Assert.True(changed);
        var thread = Assert.Single(model.Threads);
        Assert.Equal((11L, 10L, 1L, "eleven"), (thread.LastSeq, thread.LastReadSeq, thread.UnreadCount, thread.LastMessagePreview));
    }

    [Fact]
    public void Upsert_MutedInAViewOlderThanTheLastMessage_TakesTheMuteKeepsTheMessage()
    {
        var model = new ThreadListModel("ann@corp.example");
        var shown = Direct("bob@corp.example", lastSeq: 5, at: Noon);
        model.Reset([shown]);
        model.Advance(new ChatMessage(Guid.NewGuid(), shown.Id, 6, "bob@corp.example", "Bob", "six", Noon.AddMinutes(1), "c6"));

        model.Upsert(shown with { IsMuted = true, Nickname = "Bobby" });

        var thread = Assert.Single(model.Threads);
        Assert.Equal((true, "Bobby"), (thread.IsMuted, thread.DisplayTitle));
        Assert.Equal((6L, 6L, "six", Noon.AddMinutes(1)), (thread.LastSeq, thread.UnreadCount, thread.LastMessagePreview, thread.LastMessageAt));
    }

    [Fact]
    public void Upsert_SameWatermarksNewSettings_IsTaken()
    {
        var model = new ThreadListModel("ann@corp.example");
        var shown = Direct("bob@corp.example", lastSeq: 5, at: Noon);
        model.Reset([shown]);

        model.Upsert(shown with { IsMuted = true, Nickname = "Bobby" });

        var thread = Assert.Single(model.Threads);
        Assert.True(thread.IsMuted);
        Assert.Equal("Bobby", thread.DisplayTitle);
    }

    [Fact]
    public void IsOnline_DirectAndGroupThreads_DotOnlyForTheOtherPersonOnceKnown()
    {
        var model = new ThreadListModel("ann@corp.example");
        var direct = Direct("bob@corp.example", lastSeq: 0, at: Noon);
        var group = direct with { Id = Guid.NewGuid(), Kind = ThreadKind.Group, Title = "Team" };
        model.Reset([direct, group]);
        Assert.Null(model.IsOnline(direct));
        Assert.Equal(["bob@corp.example"], model.PartnersWithUnknownPresence());

        model.SetPresence(new PresenceView("BOB@corp.example", IsOnline: true, LastSeenAt: null));

        Assert.True(model.IsOnline(direct));
        Assert.Null(model.IsOnline(group));
        Assert.Empty(model.PartnersWithUnknownPresence());
    }

    [Fact]
    public void UnreadTotal_MutedThreads_AreLeftOut()
    {
        var model = new ThreadListModel("ann@corp.example");
        model.Reset(
        [
            Direct("bob@corp.example", lastSeq: 3, at: Noon) with { UnreadCount = 3 },
            Direct("cat@corp.example", lastSeq: 7, at: Noon) with { UnreadCount = 7, IsMuted = true },
        ]);

        Assert.Equal(3, model.UnreadTotal);
    }

    [Fact]
    public void Change_LastMessageEditedThenDeleted_PreviewFollows()
    {
        var model = new ThreadListModel("ann@corp.example");
        var thread = Direct("bob@corp.example", lastSeq: 2, at: Noon) with { LastMessagePreview = "See you at 3" };
        model.Reset([thread]);
        var last = new ChatMessage(Guid.NewGuid(), thread.Id, 2, "bob@corp.example", "Bob", "See you at 3:30", Noon, "c2") { Version = 5 };

        model.Change(last with { EditedAt = Noon });
        var edited = Assert.Single(model.Threads);
        model.Change(last with { Body = "", DeletedAt = Noon, Version = 6 });

        Assert.Equal("See you at 3:30", edited.LastMessagePreview);
        Assert.True(Assert.Single(model.Threads).LastMessageDeleted);
        Assert.Equal(6, model.Threads[0].LastVersion);
    }

    private static ThreadSummary Direct(string other, long lastSeq, DateTime at) => new(
        Guid.NewGuid(), ThreadKind.Direct, other, Nickname: null, IsMuted: false, UnreadCount: 0, lastSeq, LastReadSeq: 0, at,
        LastMessagePreview: null, MemberRole.Member,
        [new ThreadMemberView("ann@corp.example", "Ann", MemberRole.Member), new ThreadMemberView(other, other, MemberRole.Member)]);
}
