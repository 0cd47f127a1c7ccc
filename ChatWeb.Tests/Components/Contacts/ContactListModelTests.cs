using ChatWeb.Components.Contacts;
using ChatWeb.Domain.Contacts;
using ChatWeb.Domain.Presence;
using Xunit;

namespace ChatWeb.Tests.Components.Contacts;

public sealed class ContactListModelTests
{
    private static readonly DateTime Yesterday = DateTime.UtcNow.AddDays(-1);

    [Fact]
    public void ApplyPresence_SomeoneNotInContacts_ChangesNothing()
    {
        var model = new ContactListModel();
        model.Reset([new ContactView("bob@corp.example", "Bob", IsOnline: false, Yesterday)]);

        var changed = model.ApplyPresence(new PresenceView("cat@corp.example", IsOnline: true, LastSeenAt: null));

        Assert.False(changed);
        Assert.False(Assert.Single(model.Contacts).IsOnline);
    }

    [Fact]
    public void ApplyPresence_ComesOnlineWithoutLastSeen_KeepsTheKnownLastSeen()
    {
        var model = new ContactListModel();
        model.Reset([new ContactView("bob@corp.example", "Bob", IsOnline: false, Yesterday)]);

        model.ApplyPresence(new PresenceView("BOB@corp.example", IsOnline: true, LastSeenAt: null));

        var bob = Assert.Single(model.Contacts);
        Assert.True(bob.IsOnline);
        Assert.Equal(Yesterday, bob.LastSeenAt);
    }

    [Fact]
    public void Reset_MixedPresence_OnlineFirstThenByName()
    {
        var model = new ContactListModel();

        model.Reset(
        [
            new ContactView("zed@corp.example", "Zed", IsOnline: true, null),
            new ContactView("amy@corp.example", "amy", IsOnline: false, null),
            new ContactView("bob@corp.example", "Bob", IsOnline: false, null),
        ]);

        Assert.Equal(["Zed", "amy", "Bob"], model.Contacts.Select(c => c.DisplayName));
    }
}
