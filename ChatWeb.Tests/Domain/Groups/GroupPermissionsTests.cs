using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ChatWeb.Tests.Domain.Groups;

public sealed class GroupPermissionsTests : DomainTest
{
    [Theory]
    [InlineData(ThreadKind.Group, MemberRole.Owner, true)]
    [InlineData(ThreadKind.Group, MemberRole.Admin, true)]
    [InlineData(ThreadKind.Group, MemberRole.Member, false)]
    [InlineData(ThreadKind.Direct, MemberRole.Owner, false)]
    [InlineData(ThreadKind.Direct, MemberRole.Member, false)]
    public void CanManage_ByKindAndRole_OnlyAGroupsOwnerAndAdmins(ThreadKind kind, MemberRole role, bool expected)
    {
        var allowed = GroupPermissions.CanManage(kind, role);

        Assert.Equal(expected, allowed);
    }

    [Theory]
    [InlineData(MemberRole.Owner, MemberRole.Admin, false, true)]
    [InlineData(MemberRole.Owner, MemberRole.Member, false, true)]
    [InlineData(MemberRole.Owner, MemberRole.Owner, true, false)]
    [InlineData(MemberRole.Admin, MemberRole.Owner, false, false)]
    [InlineData(MemberRole.Admin, MemberRole.Admin, false, true)]
    [InlineData(MemberRole.Admin, MemberRole.Member, false, true)]
    [InlineData(MemberRole.Admin, MemberRole.Admin, true, false)]
    [InlineData(MemberRole.Member, MemberRole.Member, false, false)]
    public void CanRemove_InAGroup_ManagersRemoveOthersAndOnlyTheOwnerRemovesTheOwner(MemberRole actor, MemberRole target, bool isSelf, bool expected)
    {
        var allowed = GroupPermissions.CanRemove(ThreadKind.Group, actor, target, isSelf);

        Assert.Equal(expected, allowed);
    }

    [Fact]
    public void CanRemove_InADirectThread_IsNeverAllowed()
    {
        var allowed = GroupPermissions.CanRemove(ThreadKind.Direct, MemberRole.Owner, MemberRole.Member, isSelf: false);

        Assert.False(allowed);
    }

    [Fact]
    public async Task GetThreadAsync_OwnerAdminAndMember_EachViewSaysWhatThatReaderMayDo()
    {
        var (owner, admin, member, group) = await GroupWithAdminAsync();

        var owners = await Db.Conversations.GetThreadAsync(owner.Id, group, Ct);
        var admins = await Db.Conversations.GetThreadAsync(admin.Id, group, Ct);
        var members = await Db.Conversations.GetThreadAsync(member.Id, group, Ct);

        Assert.Equal((true, true, false), (owners.CanManage, admins.CanManage, members.CanManage));
        Assert.Equal(Names(admin, member), Removable(owners));
        Assert.Equal(Names(member), Removable(admins));
        Assert.Empty(Removable(members));
    }

    [Fact]
    public async Task ThreadUpdated_AnnouncedToEveryMember_EachViewSaysWhatThatReaderMayDo()
    {
        var (owner, admin, member, group) = await GroupWithAdminAsync();

        await Db.Groups.RenameAsync(owner.Id, group, "Renamed", Ct);

        var views = Assert.Single(Db.Notifier.ThreadsUpdated).ViewsByUserId;
        foreach (var person in new[] { owner, admin, member })
        {
            Assert.Equivalent(await Db.Conversations.GetThreadAsync(person.Id, group, Ct), views[person.Id], strict: true);
        }
        Assert.Equal(Names(member), Removable(views[admin.Id]));
    }

    [Fact]
    public async Task GetThreadAsync_DirectThread_NothingToManage()
    {
        var people = await Db.CreateUsersAsync([("Ann", null), ("Bob", null)], Ct);

        var direct = await Db.Conversations.OpenDirectAsync(people[0].Id, people[1].UserName, Ct);

        Assert.False(direct.CanManage);
        Assert.All(direct.Members, m => Assert.False(m.CanRemove));
    }

    public static readonly TheoryData<int, int> ViewerAndTarget = new()
    {
        { 0, 1 }, { 0, 2 }, { 0, 0 }, { 1, 0 }, { 1, 2 }, { 1, 1 }, { 2, 0 }, { 2, 1 },
    };

    /// <summary>What a view offers is exactly what the service then accepts: 0 = owner, 1 = admin, 2 = member.</summary>
    [Theory]
    [MemberData(nameof(ViewerAndTarget))]
    public async Task RemoveMemberAsync_AcceptedExactlyWhenTheViewSaysCanRemove(int viewerIndex, int targetIndex)
    {
        var (owner, admin, member, group) = await GroupWithAdminAsync();
        var people = new[] { owner, admin, member };
        var (viewer, target) = (people[viewerIndex], people[targetIndex]);
        var offered = (await Db.Conversations.GetThreadAsync(viewer.Id, group, Ct)).Members.Single(m => m.UserName == target.UserName).CanRemove;

        var refused = await Record.ExceptionAsync(() => Db.Groups.RemoveMemberAsync(viewer.Id, group, target.UserName, Ct));

        Assert.Equal(offered, refused is null);
        if (refused is not null)
        {
            Assert.IsType<ChatException>(refused);
        }
    }

    private static List<string> Names(params TestUser[] people) => people.Select(p => p.UserName).Order(StringComparer.Ordinal).ToList();

    private static List<string> Removable(ThreadSummary view) =>
        view.Members.Where(m => m.CanRemove).Select(m => m.UserName).Order(StringComparer.Ordinal).ToList();

    private async Task<(TestUser Owner, TestUser Admin, TestUser Member, Guid Group)> GroupWithAdminAsync()
    {
        var people = await Db.CreateUsersAsync([("Olive Owner", null), ("Adam Admin", null), ("Mia Member", null)], Ct);
        var group = await Db.Conversations.CreateGroupAsync(people[0].Id, "Team", [people[1].UserName, people[2].UserName], Ct);
        await using (var db = await Db.OpenAsync(Ct))
        {
            // No API promotes anyone yet; the role is set as a future "make admin" would set it.
            var row = await db.ThreadMembers.SingleAsync(m => m.ThreadId == group.Id && m.OwnerId == people[1].Id, Ct);
            row.Role = MemberRole.Admin;
            await db.SaveChangesAsync(Ct);
        }
        Db.Notifier.Clear();
        return (people[0], people[1], people[2], group.Id);
    }
}
