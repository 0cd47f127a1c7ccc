using ChatWeb.Domain.Administration;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ChatWeb.Tests.Domain.Administration;

public sealed class AdministrationServiceTests : DomainTest
{
    private static readonly Uri Site = new("http://chat.corp.example/");

    [Fact]
    public async Task Deactivate_ByAdmin_RefusesTheOldSignInAndAuditsOnce()
    {
        var (admin, ann) = await AdminAndPersonAsync();
        var stampBefore = await StampAsync(ann);

        await Db.Administration.DeactivateAsync(admin.Id, ann.UserName, Ct);
        await Db.Administration.DeactivateAsync(admin.Id, ann.UserName, Ct);

        Assert.Equal(SessionState.Deactivated, await Db.Sessions.CheckAsync(ann.Id, stampBefore, Ct));
        Assert.Equal([ann.Id], Db.EndedSessions.UserIds);
        var audit = await Db.AdminDirectory.AuditAsync(admin.Id, 0, Ct);
        var entry = Assert.Single(audit.Entries);
        Assert.Equal((admin.UserName, AdminAction.Deactivated, ann.UserName), (entry.Actor, entry.Action, entry.Target));
    }

    [Fact]
    public async Task Deactivate_ByNonAdmin_RefusedAndNothingWritten()
    {
        var ann = await Db.CreateUserAsync("Ann Lee", ct: Ct);
        var bob = await Db.CreateUserAsync("Bob Stone", ct: Ct);
        var before = await Db.StateAsync(Ct);

        var refusal = await Assert.ThrowsAsync<ChatException>(() => Db.Administration.DeactivateAsync(ann.Id, bob.UserName, Ct));

        Assert.Equal(ChatErrorKind.Forbidden, refusal.Kind);
        Assert.Equal(SessionState.Current, await Db.Sessions.CheckAsync(bob.Id, await StampAsync(bob), Ct));
        Assert.Empty(Db.EndedSessions.UserIds);
        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
    }

    [Fact]
    public async Task Deactivate_UnknownPerson_NotFound()
    {
        var (admin, _) = await AdminAndPersonAsync();

        var refusal = await Assert.ThrowsAsync<ChatException>(() => Db.Administration.DeactivateAsync(admin.Id, "nobody@corp.example", Ct));

        Assert.Equal(ChatErrorKind.NotFound, refusal.Kind);
    }

    [Fact]
    public async Task Deactivate_Yourself_Refused()
    {
        var (admin, _) = await AdminAndPersonAsync();

        var refusal = await Assert.ThrowsAsync<ChatException>(() => Db.Administration.DeactivateAsync(admin.Id, admin.UserName, Ct));

        Assert.Equal(ChatErrorKind.Invalid, refusal.Kind);
    }

    [Fact]
    public async Task Deactivate_Person_MessagesStayWithTheirName()
    {
        var (admin, ann) = await AdminAndPersonAsync();
        var thread = await Db.Conversations.OpenDirectAsync(admin.Id, ann.UserName, Ct);
        await Db.SendAsync(ann, thread.Id, "last words", Ct);

        await Db.Administration.DeactivateAsync(admin.Id, ann.UserName, Ct);
        var history = await Db.Messages.GetBeforeAsync(admin.Id, thread.Id, null, 10, Ct);

        var message = Assert.Single(history);
        Assert.Equal(("last words", "Ann Lee"), (message.Body, message.SenderDisplayName));
    }

    [Fact]
    public async Task DeactivatedAdmin_LosesThePowerAtOnce()
    {
        var (admin, ann) = await AdminAndPersonAsync();
        await Db.MakeAdminAsync(ann, Ct);

        await Db.Administration.DeactivateAsync(admin.Id, ann.UserName, Ct);
        var refusal = await Assert.ThrowsAsync<ChatException>(() => Db.Administration.ReactivateAsync(ann.Id, ann.UserName, Ct));

        Assert.Equal(ChatErrorKind.Forbidden, refusal.Kind);
        Assert.False(await Db.AdminDirectory.IsAdminAsync(ann.Id, Ct));
    }

    [Fact]
    public async Task Reactivate_DeactivatedPerson_CanSignInAgainWithANewSignIn()
    {
        var (admin, ann) = await AdminAndPersonAsync();
        await Db.Administration.DeactivateAsync(admin.Id, ann.UserName, Ct);

        await Db.Administration.ReactivateAsync(admin.Id, ann.UserName, Ct);

        Assert.Equal(SessionState.Current, await Db.Sessions.CheckAsync(ann.Id, await StampAsync(ann), Ct));
        var person = await Db.AdminDirectory.GetPersonAsync(admin.Id, ann.UserName, Ct);
        Assert.Equal(PersonStatus.Active, person.Status);
    }

    [Fact]
    public async Task Unlock_LockedOutPerson_ActiveAgain()
    {
        var (admin, ann) = await AdminAndPersonAsync();
        await using (var db = await Db.OpenAsync(Ct))
        {
            await db.Users.Where(u => u.Id == ann.Id).ExecuteUpdateAsync(u => u
                .SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(5))
                .SetProperty(x => x.AccessFailedCount, 5), Ct);
        }
        Assert.Equal(PersonStatus.LockedOut, (await Db.AdminDirectory.GetPersonAsync(admin.Id, ann.UserName, Ct)).Status);

        await Db.Administration.UnlockAsync(admin.Id, ann.UserName, Ct);

        Assert.Equal(PersonStatus.Active, (await Db.AdminDirectory.GetPersonAsync(admin.Id, ann.UserName, Ct)).Status);
        Assert.Equal(AdminAction.Unlocked, (await Db.AdminDirectory.AuditAsync(admin.Id, 0, Ct)).Entries[0].Action);
    }

    [Fact]
    public async Task RevokeAdmin_LastAdminRevokingThemselves_Refused()
    {
        var (admin, _) = await AdminAndPersonAsync();

        var refusal = await Assert.ThrowsAsync<ChatException>(() => Db.Administration.RevokeAdminAsync(admin.Id, admin.UserName, Ct));

        Assert.Contains("last administrator", refusal.Message);
        Assert.True(await Db.AdminDirectory.IsAdminAsync(admin.Id, Ct));
    }

    [Fact]
    public async Task RevokeAdmin_YourselfWhenAnotherAdminRemains_Allowed()
    {
        var (admin, ann) = await AdminAndPersonAsync();
        await Db.Administration.GrantAdminAsync(admin.Id, ann.UserName, Ct);

        await Db.Administration.RevokeAdminAsync(admin.Id, admin.UserName, Ct);

        Assert.False(await Db.AdminDirectory.IsAdminAsync(admin.Id, Ct));
        Assert.True(await Db.AdminDirectory.IsAdminAsync(ann.Id, Ct));
    }

    [Fact]
    public async Task GrantAdmin_DeactivatedPerson_Refused()
    {
        var (admin, ann) = await AdminAndPersonAsync();
        await Db.Administration.DeactivateAsync(admin.Id, ann.UserName, Ct);

        var refusal = await Assert.ThrowsAsync<ChatException>(() => Db.Administration.GrantAdminAsync(admin.Id, ann.UserName, Ct));

        Assert.Equal(ChatErrorKind.Invalid, refusal.Kind);
    }

    [Fact]
    public async Task ResetPassword_WithoutMail_ReturnsLinkAndAuditsIt()
    {
        var (admin, ann) = await AdminAndPersonAsync();

        var delivery = await Db.Administration.ResetPasswordAsync(admin.Id, ann.UserName, Site, Ct);

        Assert.StartsWith("http://chat.corp.example/Account/ResetPassword?code=", delivery.Link);
        Assert.Equal(AdminAction.PasswordResetLinkCreated, (await Db.AdminDirectory.AuditAsync(admin.Id, 0, Ct)).Entries[0].Action);
    }

    [Fact]
    public async Task SearchPeople_ByPrefixAndPaged_CountsAllMatches()
    {
        var (admin, _) = await AdminAndPersonAsync();
        await Db.CreateUsersAsync(Enumerable.Range(1, 30).Select(i => ($"Zed Person {i:00}", (string?)null)).ToList(), Ct);

        var first = await Db.AdminDirectory.SearchPeopleAsync(admin.Id, "zed", 0, ct: Ct);
        var second = await Db.AdminDirectory.SearchPeopleAsync(admin.Id, "ZED", 1, ct: Ct);

        Assert.Equal((25, 30), (first.People.Count, first.TotalCount));
        Assert.Equal(5, second.People.Count);
        Assert.Equal("Zed Person 01", first.People[0].DisplayName);
        Assert.Equal("Zed Person 30", second.People[^1].DisplayName);
    }

    [Fact]
    public async Task ConfiguredAdministrators_ListedEmails_GrantedOnceAndAudited()
    {
        var ann = await Db.CreateUserAsync("Ann Lee", "ann@corp.example", Ct);

        await Db.ConfiguredAdministrators.GrantAsync(["ANN@corp.example", "nobody@corp.example"], Ct);
        await Db.ConfiguredAdministrators.GrantAsync(["ann@corp.example"], Ct);

        Assert.True(await Db.AdminDirectory.IsAdminAsync(ann.Id, Ct));
        var entry = Assert.Single((await Db.AdminDirectory.AuditAsync(ann.Id, 0, Ct)).Entries);
        Assert.Equal((ConfiguredAdministrators.ActorName, AdminAction.AdminGranted), (entry.Actor, entry.Action));
    }

    private async Task<(TestUser Admin, TestUser Person)> AdminAndPersonAsync()
    {
        var admin = await Db.CreateUserAsync("Ada Admin", ct: Ct);
        await Db.MakeAdminAsync(admin, Ct);
        return (admin, await Db.CreateUserAsync("Ann Lee", ct: Ct));
    }

    private async Task<string?> StampAsync(TestUser user)
    {
        await using var db = await Db.OpenAsync(Ct);
        return await db.Users.Where(u => u.Id == user.Id).Select(u => u.SecurityStamp).SingleAsync(Ct);
    }
}
