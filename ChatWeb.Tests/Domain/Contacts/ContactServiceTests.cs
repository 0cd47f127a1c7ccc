using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Contacts;
using ChatWeb.Tests.Domain.Infrastructure;
using Xunit;

namespace ChatWeb.Tests.Domain.Contacts;

public sealed class ContactServiceTests : DomainTest
{
    [Fact]
    public async Task AddAsync_Colleague_IsListedAndTheOwnersDevicesAreTold()
    {
        var (me, bob, _) = await ThreePeopleAsync();

        var added = await Db.Contacts.AddAsync(me.Id, $"  {bob.UserName.ToUpperInvariant()} ", Ct);

        Assert.Equal(new ContactView(bob.UserName, "Bob", false, null), added);
        Assert.Equal([added], await Db.Contacts.ListAsync(me.Id, Ct));
        Assert.Equal([me.Id], Db.Notifier.ContactsChanged);
        Assert.Empty(await Db.Contacts.ListAsync(bob.Id, Ct));
    }

    [Fact]
    public async Task RemoveAsync_Contact_DisappearsFromTheListAndTheOwnerIsTold()
    {
        var (me, bob, cy) = await ThreePeopleAsync();
        await Db.Contacts.AddAsync(me.Id, bob.UserName, Ct);
        await Db.Contacts.AddAsync(me.Id, cy.UserName, Ct);
        Db.Notifier.Clear();

        await Db.Contacts.RemoveAsync(me.Id, bob.UserName, Ct);

        Assert.Equal(["Cy"], (await Db.Contacts.ListAsync(me.Id, Ct)).Select(c => c.DisplayName));
        Assert.Equal([me.Id], Db.Notifier.ContactsChanged);
    }

    [Fact]
    public async Task AddAsync_Yourself_IsInvalidAndWritesNothing()
    {
        var (me, _, _) = await ThreePeopleAsync();
        var before = await Db.StateAsync(Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Contacts.AddAsync(me.Id, me.UserName, Ct));

        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
        Assert.Empty(Db.Notifier.ContactsChanged);
    }

    [Fact]
    public async Task AddAsync_UnknownPerson_IsNotFoundAndWritesNothing()
    {
        var (me, _, _) = await ThreePeopleAsync();
        var before = await Db.StateAsync(Ct);

        var refusal = await ChatAssert.RefusedAsync(ChatErrorKind.NotFound, () => Db.Contacts.AddAsync(me.Id, "ghost@corp.example", Ct));

        Assert.Contains("ghost@corp.example", refusal.Message);
        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
        Assert.Empty(Db.Notifier.ContactsChanged);
    }

    [Fact]
    public async Task AddAsync_Duplicate_IsInvalidAndWritesNothing()
    {
        var (me, bob, _) = await ThreePeopleAsync();
        await Db.Contacts.AddAsync(me.Id, bob.UserName, Ct);
        Db.Notifier.Clear();
        var before = await Db.StateAsync(Ct);

        var refusal = await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Contacts.AddAsync(me.Id, bob.UserName.ToUpperInvariant(), Ct));

        Assert.Contains("already", refusal.Message);
        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
        Assert.Empty(Db.Notifier.ContactsChanged);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public async Task AddAsync_NoName_IsInvalidAndWritesNothing(string? userName)
    {
        var (me, _, _) = await ThreePeopleAsync();
        var before = await Db.StateAsync(Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Contacts.AddAsync(me.Id, userName, Ct));

        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
    }

    [Fact]
    public async Task RemoveAsync_NotAContact_IsInvalidAndWritesNothing()
    {
        var (me, bob, cy) = await ThreePeopleAsync();
        await Db.Contacts.AddAsync(cy.Id, bob.UserName, Ct);
        Db.Notifier.Clear();
        var before = await Db.StateAsync(Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Contacts.RemoveAsync(me.Id, bob.UserName, Ct));

        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
        Assert.Empty(Db.Notifier.ContactsChanged);
    }

    [Fact]
    public async Task ListAsync_ShowsPresence_OnlineFirstThenByName()
    {
        var people = await Db.CreateUsersAsync([("Me", null), ("Zoe", null), ("Adam", null), ("Bea", null)], Ct);
        var (me, zoe, adam, bea) = (people[0], people[1], people[2], people[3]);
        foreach (var contact in new[] { adam, bea, zoe })
        {
            await Db.Contacts.AddAsync(me.Id, contact.UserName, Ct);
        }
        await Db.Presence.DeviceConnectedAsync(zoe.Id, "zoe-phone", Ct);
        await Db.Presence.DeviceConnectedAsync(bea.Id, "bea-laptop", Ct);
        Db.Clock.Advance(TimeSpan.FromMinutes(5));
        await Db.Presence.DeviceDisconnectedAsync(bea.Id, "bea-laptop", Ct);

        var contacts = await Db.Contacts.ListAsync(me.Id, Ct);

        Assert.Equal(
            [
                new ContactView(zoe.UserName, "Zoe", true, null),
                new ContactView(adam.UserName, "Adam", false, null),
                new ContactView(bea.UserName, "Bea", false, TestClock.Start.AddMinutes(5)),
            ],
            contacts);
    }

    [Fact]
    public async Task AddAsync_OnlineColleague_ReturnsThemAsOnline()
    {
        var (me, bob, _) = await ThreePeopleAsync();
        await Db.Presence.DeviceConnectedAsync(bob.Id, "bob-laptop", Ct);

        var added = await Db.Contacts.AddAsync(me.Id, bob.UserName, Ct);

        Assert.True(added.IsOnline);
    }

    private async Task<(TestUser Me, TestUser Bob, TestUser Cy)> ThreePeopleAsync()
    {
        var people = await Db.CreateUsersAsync([("Me", null), ("Bob", null), ("Cy", null)], Ct);
        return (people[0], people[1], people[2]);
    }
}
