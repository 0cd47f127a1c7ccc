using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using ChatWeb.Tests.Domain.Infrastructure;
using Xunit;

namespace ChatWeb.Tests.Domain.Groups;

public class LeaveGroupTests : DomainTest
{
    [DatabaseFact]
    public async Task LeaveAsync_Member_CanNoLongerReadOrSendAndIsToldTheThreadIsGone()
    {
        var (owner, ann, bob, group) = await GroupAsync();
        await Db.SendAsync(owner, group, "welcome", Ct);
        Db.Notifier.Clear();

        await Db.Groups.LeaveAsync(ann.Id, group, Ct);

        var removal = Assert.Single(Db.Notifier.ThreadsRemoved);
        Assert.Equal(group, removal.ThreadId);
        Assert.Equal([ann.Id], removal.UserIds);
        await ChatAssert.RefusedAsync(ChatErrorKind.NotFound, () => Db.Conversations.GetThreadAsync(ann.Id, group, Ct));
        await ChatAssert.RefusedAsync(ChatErrorKind.NotFound, () => Db.Messages.GetBeforeAsync(ann.Id, group, null, null, Ct));
        await ChatAssert.RefusedAsync(ChatErrorKind.NotFound, () => Db.Messages.GetAfterAsync(ann.Id, group, 0, null, Ct));
        await ChatAssert.RefusedAsync(ChatErrorKind.NotFound, () => Db.Messages.SendAsync(ann.Id, group, "after-leaving", "still here?", Ct));
        Assert.Empty(await Db.Conversations.GetThreadsAsync(ann.Id, Ct));
        Assert.Equal(1, (await Db.Conversations.GetThreadAsync(owner.Id, group, Ct)).LastSeq);
    }

    [DatabaseFact]
    public async Task SendAsync_RetryOfAnEarlierMessageAfterLeaving_IsNotFound()
    {
        var (_, ann, _, group) = await GroupAsync();
        await Db.Messages.SendAsync(ann.Id, group, "client-1", "sent while a member", Ct);
        await Db.Groups.LeaveAsync(ann.Id, group, Ct);
        Db.Notifier.Clear();

        await ChatAssert.RefusedAsync(ChatErrorKind.NotFound, () => Db.Messages.SendAsync(ann.Id, group, "client-1", "sent while a member", Ct));

        Assert.Equal(0, Db.Notifier.Count);
    }

    [DatabaseFact]
    public async Task LeaveAsync_Member_RemainingMembersGetTheThreadWithoutThem()
    {
        var (owner, ann, bob, group) = await GroupAsync();

        await Db.Groups.LeaveAsync(ann.Id, group, Ct);

        var views = Assert.Single(Db.Notifier.ThreadsUpdated).ViewsByUserId;
        Assert.Equal(new[] { owner.Id, bob.Id }.Order(), views.Keys.Order());
        Assert.DoesNotContain("Ann", views[bob.Id].Members.Select(m => m.DisplayName));
        Assert.Equal(MemberRole.Owner, views[owner.Id].Role);
    }

    [DatabaseFact]
    public async Task LeaveAsync_Owner_HandsOwnershipToTheLongestStandingMember()
    {
        var people = await Db.CreateUsersAsync([("Olive Owner", null), ("Early", null), ("Late", null)], Ct);
        var (owner, early, late) = (people[0], people[1], people[2]);
        var group = await Db.Conversations.CreateGroupAsync(owner.Id, "Team", [early.UserName], Ct);
        Db.Clock.Advance(TimeSpan.FromDays(1));
        await Db.Groups.AddMembersAsync(owner.Id, group.Id, [late.UserName], Ct);

        Db.Notifier.Clear();

        await Db.Groups.LeaveAsync(owner.Id, group.Id, Ct);

        var announced = Assert.Single(Db.Notifier.ThreadsUpdated).ViewsByUserId;
        Assert.Equal((MemberRole.Owner, MemberRole.Member), (announced[early.Id].Role, announced[late.Id].Role));
        Assert.Equal(MemberRole.Owner, (await Db.Conversations.GetThreadAsync(early.Id, group.Id, Ct)).Role);
        Assert.Equal(MemberRole.Member, (await Db.Conversations.GetThreadAsync(late.Id, group.Id, Ct)).Role);
        await Db.Groups.RenameAsync(early.Id, group.Id, "Early's team", Ct);
        await ChatAssert.RefusedAsync(ChatErrorKind.Forbidden, () => Db.Groups.RenameAsync(late.Id, group.Id, "Late's team", Ct));
    }

    [DatabaseFact]
    public async Task LeaveAsync_OwnerAfterAMemberRejoined_HandsOwnershipToWhoeverHasBeenThereLongest()
    {
        var people = await Db.CreateUsersAsync([("Olive Owner", null), ("Aaron", null), ("Zed", null)], Ct);
        var (owner, aaron, zed) = (people[0], people[1], people[2]);
        var group = await Db.Conversations.CreateGroupAsync(owner.Id, "Team", [aaron.UserName, zed.UserName], Ct);
        // Aaron (first by name) leaves and comes back: Zed is now the longest-standing member.
        await Db.Groups.LeaveAsync(aaron.Id, group.Id, Ct);
        Db.Clock.Advance(TimeSpan.FromHours(1));
        await Db.Groups.AddMembersAsync(owner.Id, group.Id, [aaron.UserName], Ct);

        await Db.Groups.LeaveAsync(owner.Id, group.Id, Ct);

        Assert.Equal(MemberRole.Owner, (await Db.Conversations.GetThreadAsync(zed.Id, group.Id, Ct)).Role);
        Assert.Equal(MemberRole.Member, (await Db.Conversations.GetThreadAsync(aaron.Id, group.Id, Ct)).Role);
    }

    [DatabaseFact]
    public async Task LeaveAsync_LastMember_LeavesNobodyToTell()
    {
        var people = await Db.CreateUsersAsync([("Olive Owner", null), ("Ann", null)], Ct);
        var group = await Db.Conversations.CreateGroupAsync(people[0].Id, "Pair", [people[1].UserName], Ct);
        await Db.Groups.LeaveAsync(people[1].Id, group.Id, Ct);
        Db.Notifier.Clear();

        await Db.Groups.LeaveAsync(people[0].Id, group.Id, Ct);

        Assert.Equal([people[0].Id], Assert.Single(Db.Notifier.ThreadsRemoved).UserIds);
        Assert.Empty(Db.Notifier.ThreadsUpdated);
        Assert.Equal(0, (await Db.StateAsync(Ct)).Members);
    }

    private async Task<(TestUser Owner, TestUser Ann, TestUser Bob, Guid Group)> GroupAsync()
    {
        var people = await Db.CreateUsersAsync([("Olive Owner", null), ("Ann", null), ("Bob", null)], Ct);
        var group = await Db.Conversations.CreateGroupAsync(people[0].Id, "Team", [people[1].UserName, people[2].UserName], Ct);
        Db.Notifier.Clear();
        return (people[0], people[1], people[2], group.Id);
    }
}
