using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Domain.Infrastructure;
using Xunit;

namespace ChatWeb.Tests.Domain.Conversations;

public class UnreadCountTests : DomainTest
{
    [DatabaseFact]
    public async Task SendAsync_MessagesFromOthers_CountAsUnreadButNotForTheSender()
    {
        var (ann, bob, thread) = await DirectThreadAsync();

        for (var i = 0; i < 3; i++)
        {
            await Db.SendAsync(ann, thread, $"m{i}", Ct);
        }

        Assert.Equal((3L, 0L), await UnreadAsync(bob, thread));
        Assert.Equal((0L, 3L), await UnreadAsync(ann, thread));
    }

    [DatabaseFact]
    public async Task SendAsync_Reply_LeavesNothingUnreadForTheReplier()
    {
        var (ann, bob, thread) = await DirectThreadAsync();
        await Db.SendAsync(ann, thread, "question one", Ct);
        await Db.SendAsync(ann, thread, "question two", Ct);

        await Db.SendAsync(bob, thread, "answer", Ct);

        Assert.Equal((0L, 3L), await UnreadAsync(bob, thread));
        Assert.Equal((1L, 2L), await UnreadAsync(ann, thread));
    }

    [DatabaseFact]
    public async Task MarkReadAsync_Forward_ReducesUnread()
    {
        var (ann, bob, thread) = await SentAsync(3);

        var summary = await Db.Settings.MarkReadAsync(bob.Id, thread, 2, Ct);

        Assert.Equal((1L, 2L), (summary.UnreadCount, summary.LastReadSeq));
        Assert.Equal((1L, 2L), await UnreadAsync(bob, thread));
        Assert.Equal((0L, 3L), await UnreadAsync(ann, thread));
    }

    [DatabaseFact]
    public async Task MarkReadAsync_Backward_NeverMovesTheWatermarkBack()
    {
        var (_, bob, thread) = await SentAsync(3);
        await Db.Settings.MarkReadAsync(bob.Id, thread, 2, Ct);

        var summary = await Db.Settings.MarkReadAsync(bob.Id, thread, 1, Ct);

        Assert.Equal((1L, 2L), (summary.UnreadCount, summary.LastReadSeq));
        Assert.Equal((1L, 2L), await UnreadAsync(bob, thread));
    }

    [DatabaseFact]
    public async Task MarkReadAsync_BeyondLastSeq_ClampsSoLaterMessagesStillCount()
    {
        var (ann, bob, thread) = await SentAsync(3);

        var summary = await Db.Settings.MarkReadAsync(bob.Id, thread, 999, Ct);
        await Db.SendAsync(ann, thread, "after the clamp", Ct);

        Assert.Equal((0L, 3L), (summary.UnreadCount, summary.LastReadSeq));
        Assert.Equal((1L, 3L), await UnreadAsync(bob, thread));
    }

    [DatabaseFact]
    public async Task MarkReadAsync_NegativeSeq_IsInvalid()
    {
        var (_, bob, thread) = await SentAsync(1);

        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Settings.MarkReadAsync(bob.Id, thread, -1, Ct));
    }

    [DatabaseFact]
    public async Task SetMutedAsync_MutedThread_StillCountsUnread()
    {
        var (ann, bob, thread) = await SentAsync(1);

        await Db.Settings.SetMutedAsync(bob.Id, thread, true, Ct);
        await Db.SendAsync(ann, thread, "while muted", Ct);

        var summary = await Db.Conversations.GetThreadAsync(bob.Id, thread, Ct);
        Assert.True(summary.IsMuted);
        Assert.Equal(2, summary.UnreadCount);
    }

    [DatabaseFact]
    public async Task MarkReadAsync_TellsOnlyTheReadersOwnDevices()
    {
        var (_, bob, thread) = await SentAsync(2);
        Db.Notifier.Clear();

        await Db.Settings.MarkReadAsync(bob.Id, thread, 2, Ct);

        var views = Assert.Single(Db.Notifier.ThreadsUpdated).ViewsByUserId;
        Assert.Equal([bob.Id], views.Keys);
        Assert.Equal(0, views[bob.Id].UnreadCount);
    }

    /// <summary>What the person sees, read both ways a client can read it.</summary>
    private async Task<(long Unread, long LastReadSeq)> UnreadAsync(TestUser user, Guid threadId)
    {
        var summary = await Db.Conversations.GetThreadAsync(user.Id, threadId, Ct);
        var listed = (await Db.Conversations.GetThreadsAsync(user.Id, Ct)).Single(t => t.Id == threadId);
        Assert.Equal((summary.UnreadCount, summary.LastReadSeq), (listed.UnreadCount, listed.LastReadSeq));
        return (summary.UnreadCount, summary.LastReadSeq);
    }

    private async Task<(TestUser Ann, TestUser Bob, Guid ThreadId)> SentAsync(int messagesFromAnn)
    {
        var (ann, bob, thread) = await DirectThreadAsync();
        for (var i = 0; i < messagesFromAnn; i++)
        {
            await Db.SendAsync(ann, thread, $"m{i}", Ct);
        }
        return (ann, bob, thread);
    }

    private async Task<(TestUser Ann, TestUser Bob, Guid ThreadId)> DirectThreadAsync()
    {
        var people = await Db.CreateUsersAsync([("Ann", null), ("Bob", null)], Ct);
        var thread = await Db.Conversations.OpenDirectAsync(people[0].Id, people[1].UserName, Ct);
        return (people[0], people[1], thread.Id);
    }
}
