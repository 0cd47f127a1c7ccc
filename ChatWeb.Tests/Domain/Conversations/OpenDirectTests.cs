using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ChatWeb.Tests.Domain.Conversations;

public class OpenDirectTests : DomainTest
{
    [DatabaseFact]
    public async Task OpenDirectAsync_TwentyConcurrentOpensInBothDirections_GiveExactlyOneThread()
    {
        var (ann, bob) = await TwoPeopleAsync();

        var opened = await Concurrently.RunAsync(20, i => i % 2 == 0
            ? Db.Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct)
            : Db.Conversations.OpenDirectAsync(bob.Id, ann.UserName, Ct));

        var threadId = Assert.Single(opened.Select(t => t.Id).Distinct());
        await using var db = await Db.OpenAsync(Ct);
        Assert.Equal(1, await db.Threads.CountAsync(Ct));
        Assert.Equal(new[] { ann.Id, bob.Id }.Order(), (await db.ThreadMembers.Where(m => m.ThreadId == threadId).Select(m => m.OwnerId).ToListAsync(Ct)).Order());
        Assert.All(opened.Where((_, i) => i % 2 == 0), t => Assert.Equal("Bob", t.Title));
        Assert.All(opened.Where((_, i) => i % 2 == 1), t => Assert.Equal("Ann", t.Title));
        Assert.Single(Db.Notifier.ThreadsUpdated);
    }

    [DatabaseFact]
    public async Task OpenDirectAsync_FirstOpen_CreatesADirectThreadAndTellsBothPeople()
    {
        var (ann, bob) = await TwoPeopleAsync();

        var thread = await Db.Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);

        Assert.Equal((ThreadKind.Direct, "Bob", 0L, 0L, MemberRole.Member), (thread.Kind, thread.Title, thread.LastSeq, thread.UnreadCount, thread.Role));
        Assert.Equal(["Ann", "Bob"], thread.Members.Select(m => m.DisplayName));
        var announced = Assert.Single(Db.Notifier.ThreadsUpdated).ViewsByUserId;
        Assert.Equal(new[] { ann.Id, bob.Id }.Order(), announced.Keys.Order());
        Assert.Equal("Ann", announced[bob.Id].Title);
    }

    [DatabaseFact]
    public async Task OpenDirectAsync_ReopenFromEitherSide_ReturnsTheSameThreadWithoutAnnouncing()
    {
        var (ann, bob) = await TwoPeopleAsync();
        var first = await Db.Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        await Db.SendAsync(ann, first.Id, "hi", Ct);
        Db.Notifier.Clear();

        var again = await Db.Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        var fromBob = await Db.Conversations.OpenDirectAsync(bob.Id, $"  {ann.UserName.ToUpperInvariant()} ", Ct);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.Id, fromBob.Id);
        Assert.Equal(1, fromBob.UnreadCount);
        Assert.Equal(0, Db.Notifier.Count);
    }

    [DatabaseFact]
    public async Task OpenDirectAsync_WithYourself_IsInvalidAndWritesNothing()
    {
        var (ann, _) = await TwoPeopleAsync();
        var before = await Db.StateAsync(Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Conversations.OpenDirectAsync(ann.Id, ann.UserName, Ct));

        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
    }

    [DatabaseTheory]
    [InlineData("nobody@corp.example")]
    [InlineData("")]
    [InlineData(null)]
    public async Task OpenDirectAsync_UnknownOrMissingPerson_IsRefusedAndWritesNothing(string? userName)
    {
        var (ann, _) = await TwoPeopleAsync();
        var before = await Db.StateAsync(Ct);

        var refusal = await Assert.ThrowsAsync<ChatException>(() => Db.Conversations.OpenDirectAsync(ann.Id, userName!, Ct));

        Assert.Equal(string.IsNullOrEmpty(userName) ? ChatErrorKind.Invalid : ChatErrorKind.NotFound, refusal.Kind);
        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
    }

    private async Task<(TestUser Ann, TestUser Bob)> TwoPeopleAsync()
    {
        var people = await Db.CreateUsersAsync([("Ann", null), ("Bob", null)], Ct);
        return (people[0], people[1]);
    }
}
