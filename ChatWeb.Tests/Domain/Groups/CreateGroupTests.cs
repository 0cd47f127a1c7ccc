using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ChatWeb.Tests.Domain.Groups;

public class CreateGroupTests : DomainTest
{
    [DatabaseFact]
    public async Task CreateGroupAsync_TitleAndMembers_CreatesGroupWithCreatorAsOwner()
    {
        var (owner, ann, bob) = await ThreePeopleAsync();

        var group = await Db.Conversations.CreateGroupAsync(owner.Id, "  Release crew  ", [ann.UserName, bob.UserName.ToUpperInvariant()], Ct);

        Assert.Equal((ThreadKind.Group, "Release crew", MemberRole.Owner, 0L), (group.Kind, group.Title, group.Role, group.LastSeq));
        Assert.Equal(
            [("Olive Owner", MemberRole.Owner), ("Ann", MemberRole.Member), ("Bob", MemberRole.Member)],
            group.Members.Select(m => (m.DisplayName, m.Role)));
        var annsView = await Db.Conversations.GetThreadAsync(ann.Id, group.Id, Ct);
        Assert.Equal(("Release crew", MemberRole.Member), (annsView.Title, annsView.Role));
    }

    [DatabaseFact]
    public async Task CreateGroupAsync_Created_TellsEveryMemberWithTheirOwnView()
    {
        var (owner, ann, bob) = await ThreePeopleAsync();

        var group = await Db.Conversations.CreateGroupAsync(owner.Id, "Team", [ann.UserName, bob.UserName], Ct);

        var views = Assert.Single(Db.Notifier.ThreadsUpdated).ViewsByUserId;
        Assert.Equal(new[] { owner.Id, ann.Id, bob.Id }.Order(), views.Keys.Order());
        Assert.All(views.Values, v => Assert.Equal(group.Id, v.Id));
        Assert.Equal(MemberRole.Owner, views[owner.Id].Role);
        Assert.Equal(MemberRole.Member, views[bob.Id].Role);
    }

    [DatabaseFact]
    public async Task CreateGroupAsync_DuplicateNamesAndTheCreatorListed_AddsEachPersonOnce()
    {
        var (owner, ann, _) = await ThreePeopleAsync();

        var group = await Db.Conversations.CreateGroupAsync(owner.Id, "Pair", [ann.UserName, $" {ann.UserName} ", owner.UserName], Ct);

        Assert.Equal(2, group.Members.Count);
        await using var db = await Db.OpenAsync(Ct);
        Assert.Equal(2, await db.ThreadMembers.CountAsync(m => m.ThreadId == group.Id, Ct));
    }

    public static readonly TheoryData<string[]> NoOtherMember = new() { Array.Empty<string>(), new[] { "  " }, new[] { "SELF", "" } };

    [DatabaseTheory]
    [MemberData(nameof(NoOtherMember))]
    public async Task CreateGroupAsync_NoOtherMember_IsInvalidAndWritesNothing(string[] names)
    {
        var (owner, _, _) = await ThreePeopleAsync();
        var before = await Db.StateAsync(Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () =>
            Db.Conversations.CreateGroupAsync(owner.Id, "Alone", names.Select(n => n == "SELF" ? owner.UserName : n).ToList(), Ct));

        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
        Assert.Equal(0, Db.Notifier.Count);
    }

    [DatabaseFact]
    public async Task CreateGroupAsync_UnknownPersonAmongMembers_IsNotFoundAndWritesNothing()
    {
        var (owner, ann, _) = await ThreePeopleAsync();
        var before = await Db.StateAsync(Ct);

        var refusal = await ChatAssert.RefusedAsync(ChatErrorKind.NotFound, () =>
            Db.Conversations.CreateGroupAsync(owner.Id, "Team", [ann.UserName, "ghost@corp.example"], Ct));

        Assert.Contains("ghost@corp.example", refusal.Message);
        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
    }

    [DatabaseTheory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task CreateGroupAsync_BlankTitle_IsInvalidAndWritesNothing(string? title)
    {
        var (owner, ann, _) = await ThreePeopleAsync();
        var before = await Db.StateAsync(Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Conversations.CreateGroupAsync(owner.Id, title, [ann.UserName], Ct));

        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
    }

    [DatabaseFact]
    public async Task CreateGroupAsync_TitleOf101Characters_IsInvalidAndWritesNothing()
    {
        var (owner, ann, _) = await ThreePeopleAsync();
        var before = await Db.StateAsync(Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Conversations.CreateGroupAsync(owner.Id, new string('t', 101), [ann.UserName], Ct));

        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
    }

    [DatabaseFact]
    public async Task CreateGroupAsync_TitleOfExactly100Characters_IsAccepted()
    {
        var (owner, ann, _) = await ThreePeopleAsync();
        var title = new string('t', 100);

        var group = await Db.Conversations.CreateGroupAsync(owner.Id, title, [ann.UserName], Ct);

        Assert.Equal(title, (await Db.Conversations.GetThreadAsync(ann.Id, group.Id, Ct)).Title);
    }

    private async Task<(TestUser Owner, TestUser Ann, TestUser Bob)> ThreePeopleAsync()
    {
        var people = await Db.CreateUsersAsync([("Olive Owner", null), ("Ann", null), ("Bob", null)], Ct);
        return (people[0], people[1], people[2]);
    }
}
