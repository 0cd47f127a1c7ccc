using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ChatWeb.Tests.Domain.Messages;

public class IdempotentSendTests : DomainTest
{
    [DatabaseFact]
    public async Task SendAsync_RetryWithSameClientMessageId_ReturnsStoredMessageAndWritesNoSecondRow()
    {
        var (ann, bob) = await TwoPeopleAsync();
        var thread = await Db.Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        var first = await Db.Messages.SendAsync(ann.Id, thread.Id, "retry-1", "hello", Ct);
        Db.Clock.Advance(TimeSpan.FromSeconds(5));
        Db.Notifier.Clear();
        var before = await Db.StateAsync(Ct);

        var retry = await Db.Messages.SendAsync(ann.Id, thread.Id, "retry-1", "hello", Ct);

        Assert.Equal(first, retry);
        Assert.Equal(1, retry.Seq);
        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
        Assert.Equal(0, Db.Notifier.Count);
    }

    [DatabaseFact]
    public async Task SendAsync_RetryAfterLaterMessages_ReturnsTheOriginalSeqAndBody()
    {
        var (ann, bob) = await TwoPeopleAsync();
        var thread = await Db.Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        var first = await Db.Messages.SendAsync(ann.Id, thread.Id, "retry-1", "original", Ct);
        await Db.SendAsync(bob, thread.Id, "reply", Ct);
        await Db.SendAsync(ann, thread.Id, "another", Ct);

        var retry = await Db.Messages.SendAsync(ann.Id, thread.Id, "retry-1", "edited on the client meanwhile", Ct);

        Assert.Equal((first.Id, 1L, "original"), (retry.Id, retry.Seq, retry.Body));
        var summary = await Db.Conversations.GetThreadAsync(ann.Id, thread.Id, Ct);
        Assert.Equal(3, summary.LastSeq);
    }

    [DatabaseFact]
    public async Task SendAsync_ConcurrentDuplicateRetries_StoreOneMessageAndAnnounceItOnce()
    {
        var (ann, bob) = await TwoPeopleAsync();
        var thread = await Db.Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        Db.Notifier.Clear();

        var acks = await Concurrently.RunAsync(12, _ => Db.Messages.SendAsync(ann.Id, thread.Id, "same-id", "only once", Ct));

        Assert.Single(acks.Select(a => a.Id).Distinct());
        Assert.All(acks, a => Assert.Equal(1, a.Seq));
        await using var db = await Db.OpenAsync(Ct);
        Assert.Equal(1, await db.Messages.CountAsync(m => m.ThreadId == thread.Id, Ct));
        Assert.Equal(1, await db.Threads.Where(t => t.Id == thread.Id).Select(t => t.LastSeq).SingleAsync(Ct));
        Assert.Single(Db.Notifier.MessagesStored);
    }

    [DatabaseFact]
    public async Task SendAsync_ClientMessageIdReusedInAnotherThread_IsInvalidAndWritesNothing()
    {
        var (ann, bob) = await TwoPeopleAsync();
        var cy = await Db.CreateUserAsync("Cy", ct: Ct);
        var withBob = await Db.Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        var withCy = await Db.Conversations.OpenDirectAsync(ann.Id, cy.UserName, Ct);
        await Db.Messages.SendAsync(ann.Id, withBob.Id, "client-7", "to Bob", Ct);
        Db.Notifier.Clear();
        var before = await Db.StateAsync(Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Messages.SendAsync(ann.Id, withCy.Id, "client-7", "to Cy", Ct));

        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
        Assert.Equal(0, Db.Notifier.Count);
    }

    [DatabaseFact]
    public async Task SendAsync_SameClientMessageIdFromTwoSenders_StoresTwoMessages()
    {
        var (ann, bob) = await TwoPeopleAsync();
        var thread = await Db.Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);

        var fromAnn = await Db.Messages.SendAsync(ann.Id, thread.Id, "shared-id", "from Ann", Ct);
        var fromBob = await Db.Messages.SendAsync(bob.Id, thread.Id, "shared-id", "from Bob", Ct);

        Assert.NotEqual(fromAnn.Id, fromBob.Id);
        Assert.Equal((1L, 2L), (fromAnn.Seq, fromBob.Seq));
        Assert.Equal("from Bob", fromBob.Body);
    }

    private async Task<(TestUser Ann, TestUser Bob)> TwoPeopleAsync()
    {
        var people = await Db.CreateUsersAsync([("Ann", null), ("Bob", null)], Ct);
        return (people[0], people[1]);
    }
}
