using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ChatWeb.Tests.Domain.Notifications;

public class SendNotificationTests : DomainTest
{
    [DatabaseFact]
    public async Task SendAsync_Stored_AnnouncesTheMessageToEveryMemberIncludingTheSender()
    {
        var (ann, bob, cy, group) = await GroupAsync();

        var ack = await Db.SendAsync(ann, group, "hello all", Ct);

        var stored = Assert.Single(Db.Notifier.MessagesStored);
        Assert.Equal(ack, stored.Message);
        Assert.Equal(new[] { ann.Id, bob.Id, cy.Id }.Order(), stored.RecipientIds.Order());
    }

    [DatabaseFact]
    public async Task SendAsync_Stored_EachMemberGetsTheThreadWithTheirOwnUnreadCount()
    {
        var (ann, bob, cy, group) = await GroupAsync();
        await Db.SendAsync(ann, group, "one", Ct);
        await Db.SendAsync(ann, group, "two", Ct);
        await Db.Settings.MarkReadAsync(bob.Id, group, 1, Ct);
        Db.Notifier.Clear();

        await Db.SendAsync(ann, group, "three", Ct);

        Assert.Empty(Db.Notifier.ThreadsUpdated);
        var views = Assert.Single(Db.Notifier.ThreadsAdvanced).ViewsByUserId;
        Assert.Equal(new[] { ann.Id, bob.Id, cy.Id }.Order(), views.Keys.Order());
        Assert.Equal((0L, 2L, 3L), (views[ann.Id].UnreadCount, views[bob.Id].UnreadCount, views[cy.Id].UnreadCount));
        Assert.All(views.Values, v => Assert.Equal((3L, "three"), (v.LastSeq, v.LastMessagePreview)));
    }

    [DatabaseTheory]
    [InlineData(0)] // Ann, the sender
    [InlineData(1)]
    [InlineData(2)]
    public async Task SendAsync_Stored_TheThreadDerivedFromTheMessageIsTheOneAnnounced(int viewer)
    {
        var (ann, bob, cy, group) = await GroupAsync();
        await Db.SendAsync(bob, group, "one", Ct);
        await Db.SendAsync(cy, group, "two", Ct);
        var person = new[] { ann, bob, cy }[viewer];
        var before = await Db.Conversations.GetThreadAsync(person.Id, group, Ct);
        Db.Notifier.Clear();

        var message = await Db.SendAsync(ann, group, "  three\n  lines   of text ", Ct);

        var announced = Assert.Single(Db.Notifier.ThreadsAdvanced).ViewsByUserId[person.Id];
        Assert.Equivalent(announced, before.WithMessage(message, person.UserName), strict: true);
        Assert.Equivalent(announced, await Db.Conversations.GetThreadAsync(person.Id, group, Ct), strict: true);
    }

    [DatabaseFact]
    public async Task SendAsync_Announcing_TheMessageIsAlreadyCommitted()
    {
        var (ann, _, _, group) = await GroupAsync();
        var seenByAnotherConnection = new List<bool>();
        Db.Notifier.OnMessageStored = async message =>
        {
            await using var db = await Db.OpenAsync(Ct);
            seenByAnotherConnection.Add(await db.Messages.AnyAsync(m => m.Id == message.Id, Ct));
        };

        await Db.SendAsync(ann, group, "durable first", Ct);

        Assert.Equal([true], seenByAnotherConnection);
    }

    [DatabaseFact]
    public async Task SendAsync_Refused_AnnouncesNothing()
    {
        var (ann, _, _, group) = await GroupAsync();

        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Messages.SendAsync(ann.Id, group, "client-1", " ", Ct));

        Assert.Equal(0, Db.Notifier.Count);
    }

    private async Task<(TestUser Ann, TestUser Bob, TestUser Cy, Guid Group)> GroupAsync()
    {
        var people = await Db.CreateUsersAsync([("Ann", null), ("Bob", null), ("Cy", null)], Ct);
        var group = await Db.Conversations.CreateGroupAsync(people[0].Id, "Team", [people[1].UserName, people[2].UserName], Ct);
        Db.Notifier.Clear();
        return (people[0], people[1], people[2], group.Id);
    }
}
