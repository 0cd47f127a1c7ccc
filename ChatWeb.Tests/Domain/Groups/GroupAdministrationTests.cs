using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using ChatWeb.Tests.Domain.Infrastructure;
using Xunit;

namespace ChatWeb.Tests.Domain.Groups;

public class GroupAdministrationTests : DomainTest
{
    [DatabaseFact]
    public async Task RenameAsync_ByOwner_RenamesForEveryMember()
    {
        var (owner, ann, bob, group) = await GroupAsync();

        var renamed = await Db.Groups.RenameAsync(owner.Id, group, "  New name ", Ct);

        Assert.Equal("New name", renamed.Title);
        Assert.Equal("New name", (await Db.Conversations.GetThreadAsync(bob.Id, group, Ct)).Title);
        var views = Assert.Single(Db.Notifier.ThreadsUpdated).ViewsByUserId;
        Assert.Equal(new[] { owner.Id, ann.Id, bob.Id }.Order(), views.Keys.Order());
        Assert.All(views.Values, v => Assert.Equal("New name", v.Title));
    }

    [DatabaseFact]
    public async Task RenameAsync_InvalidTitle_IsInvalidAndWritesNothing()
    {
        var (owner, _, _, group) = await GroupAsync();
        var before = await Db.StateAsync(Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Groups.RenameAsync(owner.Id, group, new string('x', 101), Ct));
        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Groups.RenameAsync(owner.Id, group, " ", Ct));

        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
    }

    [DatabaseFact]
    public async Task AddMembersAsync_ByOwner_NewMemberSeesTheThreadAndItsHistory()
    {
        var (owner, ann, _, group) = await GroupAsync();
        await Db.SendAsync(ann, group, "before Cy joined", Ct);
        var cy = await Db.CreateUserAsync("Cy", ct: Ct);
        Db.Notifier.Clear();

        var updated = await Db.Groups.AddMembersAsync(owner.Id, group, [cy.UserName, ann.UserName], Ct);

        Assert.Equal(4, updated.Members.Count);
        Assert.Contains(group, (await Db.Conversations.GetThreadsAsync(cy.Id, Ct)).Select(t => t.Id));
        Assert.Equal("before Cy joined", Assert.Single(await Db.Messages.GetBeforeAsync(cy.Id, group, null, null, Ct)).Body);
        Assert.Contains(cy.Id, Assert.Single(Db.Notifier.ThreadsUpdated).ViewsByUserId.Keys);
    }

    [DatabaseFact]
    public async Task AddMembersAsync_NewMemberStartsWithNothingUnread_AndCountsWhatComesAfter()
    {
        var (owner, ann, _, group) = await GroupAsync();
        await Db.SendAsync(ann, group, "one", Ct);
        await Db.SendAsync(ann, group, "two", Ct);
        var cy = await Db.CreateUserAsync("Cy", ct: Ct);

        await Db.Groups.AddMembersAsync(owner.Id, group, [cy.UserName], Ct);
        var joined = await Db.Conversations.GetThreadAsync(cy.Id, group, Ct);
        await Db.SendAsync(ann, group, "welcome", Ct);
        var after = await Db.Conversations.GetThreadAsync(cy.Id, group, Ct);

        Assert.Equal((0L, 2L), (joined.UnreadCount, joined.LastReadSeq));
        Assert.Equal(1, after.UnreadCount);
    }

    [DatabaseFact]
    public async Task AddMembersAsync_UnknownPerson_IsNotFoundAndAddsNobody()
    {
        var (owner, _, _, group) = await GroupAsync();
        var cy = await Db.CreateUserAsync("Cy", ct: Ct);
        var before = await Db.StateAsync(Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.NotFound, () => Db.Groups.AddMembersAsync(owner.Id, group, [cy.UserName, "ghost@corp.example"], Ct));

        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
    }

    [DatabaseFact]
    public async Task AddMembersAsync_NoNames_IsInvalidAndWritesNothing()
    {
        var (owner, _, _, group) = await GroupAsync();
        var before = await Db.StateAsync(Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Groups.AddMembersAsync(owner.Id, group, [], Ct));
        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Groups.AddMembersAsync(owner.Id, group, ["  "], Ct));

        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
        Assert.Equal(0, Db.Notifier.Count);
    }

    [DatabaseFact]
    public async Task RemoveMemberAsync_ByOwner_RemovedPersonLosesTheThread()
    {
        var (owner, ann, bob, group) = await GroupAsync();

        await Db.Groups.RemoveMemberAsync(owner.Id, group, bob.UserName, Ct);

        var removal = Assert.Single(Db.Notifier.ThreadsRemoved);
        Assert.Equal(group, removal.ThreadId);
        Assert.Equal([bob.Id], removal.UserIds);
        Assert.Empty(await Db.Conversations.GetThreadsAsync(bob.Id, Ct));
        await ChatAssert.RefusedAsync(ChatErrorKind.NotFound, () => Db.Messages.GetAfterAsync(bob.Id, group, 0, null, Ct));
        var remaining = Assert.Single(Db.Notifier.ThreadsUpdated).ViewsByUserId;
        Assert.Equal(new[] { owner.Id, ann.Id }.Order(), remaining.Keys.Order());
    }

    [DatabaseFact]
    public async Task RemoveMemberAsync_PersonNotInGroup_IsInvalidAndWritesNothing()
    {
        var (owner, _, _, group) = await GroupAsync();
        var cy = await Db.CreateUserAsync("Cy", ct: Ct);
        var before = await Db.StateAsync(Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Groups.RemoveMemberAsync(owner.Id, group, cy.UserName, Ct));
        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Groups.RemoveMemberAsync(owner.Id, group, owner.UserName, Ct));

        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
    }

    public static readonly TheoryData<string> AdminOperations = ["Rename", "AddMembers", "RemoveMember"];

    [DatabaseTheory]
    [MemberData(nameof(AdminOperations))]
    public async Task AdminOperation_ByPlainMember_IsForbiddenAndWritesNothing(string operation)
    {
        var (owner, ann, bob, group) = await GroupAsync();
        var cy = await Db.CreateUserAsync("Cy", ct: Ct);
        Db.Notifier.Clear();
        var before = await Db.StateAsync(Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.Forbidden, operation switch
        {
            "Rename" => () => Db.Groups.RenameAsync(ann.Id, group, "Mine", Ct),
            "AddMembers" => () => Db.Groups.AddMembersAsync(ann.Id, group, [cy.UserName], Ct),
            "RemoveMember" => () => Db.Groups.RemoveMemberAsync(ann.Id, group, owner.UserName, Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        });

        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
        Assert.Equal(0, Db.Notifier.Count);
        Assert.Equal(MemberRole.Member, (await Db.Conversations.GetThreadAsync(bob.Id, group, Ct)).Role);
    }

    [DatabaseFact]
    public async Task GroupOperations_OnDirectThread_AreInvalidAndWriteNothing()
    {
        var people = await Db.CreateUsersAsync([("Ann", null), ("Bob", null), ("Cy", null)], Ct);
        var direct = await Db.Conversations.OpenDirectAsync(people[0].Id, people[1].UserName, Ct);
        var before = await Db.StateAsync(Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Groups.RenameAsync(people[0].Id, direct.Id, "Group now", Ct));
        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Groups.AddMembersAsync(people[0].Id, direct.Id, [people[2].UserName], Ct));
        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Groups.RemoveMemberAsync(people[0].Id, direct.Id, people[1].UserName, Ct));
        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Groups.LeaveAsync(people[0].Id, direct.Id, Ct));

        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
    }

    private async Task<(TestUser Owner, TestUser Ann, TestUser Bob, Guid Group)> GroupAsync()
    {
        var people = await Db.CreateUsersAsync([("Olive Owner", null), ("Ann", null), ("Bob", null)], Ct);
        var group = await Db.Conversations.CreateGroupAsync(people[0].Id, "Team", [people[1].UserName, people[2].UserName], Ct);
        Db.Notifier.Clear();
        return (people[0], people[1], people[2], group.Id);
    }
}
