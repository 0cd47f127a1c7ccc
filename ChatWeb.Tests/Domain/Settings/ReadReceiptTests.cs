using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Domain.Infrastructure;
using Xunit;

namespace ChatWeb.Tests.Domain.Settings;

/// <summary>How far each member has read: shown to the others, both ways, unless either side turned read receipts off.</summary>
public class ReadReceiptTests : DomainTest
{
    [DatabaseFact]
    public async Task MarkReadAsync_Rising_TellsTheOtherMembersWhoShareReceipts_NotTheReader()
    {
        var (ann, bob, cy, group) = await GroupAsync();
        await SendAsync(ann, group, 3);

        await Db.Settings.MarkReadAsync(bob.Id, group, 2, Ct);

        var sent = Assert.Single(Db.Notifier.ReadsUpTo);
        Assert.Equal(new ReadUpTo(group, bob.UserName, 2), sent.ReadUpTo);
        Assert.Equal(new[] { ann.Id, cy.Id }.Order(), sent.RecipientIds.Order());
        var annsView = await Db.Conversations.GetThreadAsync(ann.Id, group, Ct);
        Assert.Equal((2L, 3L, 0L), (Seen(annsView, bob), Seen(annsView, ann), Seen(annsView, cy)));
    }

    [DatabaseFact]
    public async Task MarkReadAsync_NotRising_TellsNoOne()
    {
        var (ann, bob, _, group) = await GroupAsync();
        await SendAsync(ann, group, 3);
        await Db.Settings.MarkReadAsync(bob.Id, group, 3, Ct);
        Db.Notifier.Clear();

        await Db.Settings.MarkReadAsync(bob.Id, group, 2, Ct);
        await Db.Settings.MarkReadAsync(bob.Id, group, 3, Ct);

        Assert.Empty(Db.Notifier.ReadsUpTo);
        Assert.Equal(2, Db.Notifier.ThreadsUpdated.Count);
    }

    [DatabaseFact]
    public async Task MarkReadAsync_ReaderWithReceiptsOff_TellsNoOne_AndOthersSeeNoMark()
    {
        var (ann, bob, _, group) = await GroupAsync();
        await SendAsync(ann, group, 3);
        await Db.ReadReceipts.SetSharingAsync(bob.Id, false, Ct);
        Db.Notifier.Clear();

        var bobsOwn = await Db.Settings.MarkReadAsync(bob.Id, group, 2, Ct);

        Assert.Empty(Db.Notifier.ReadsUpTo);
        Assert.Null(Seen(await Db.Conversations.GetThreadAsync(ann.Id, group, Ct), bob));
        Assert.Equal((2L, 1L), (bobsOwn.LastReadSeq, bobsOwn.UnreadCount));
    }

    [DatabaseFact]
    public async Task ReceiptsOff_TheirOwnViewHidesEveryonesMark_AndTheyAreLeftOutOfReadUpTo()
    {
        var (ann, bob, cy, group) = await GroupAsync();
        await SendAsync(ann, group, 3);
        await Db.ReadReceipts.SetSharingAsync(cy.Id, false, Ct);
        Db.Notifier.Clear();

        await Db.Settings.MarkReadAsync(bob.Id, group, 3, Ct);

        Assert.Equal([ann.Id], Assert.Single(Db.Notifier.ReadsUpTo).RecipientIds);
        var cysView = await Db.Conversations.GetThreadAsync(cy.Id, group, Ct);
        Assert.All(cysView.Members, m => Assert.Null(m.LastReadSeq));
        Assert.Equal(3L, Seen(await Db.Conversations.GetThreadAsync(ann.Id, group, Ct), bob));
    }

    [DatabaseFact]
    public async Task SetSharingAsync_Off_EveryMemberOfEveryThreadGetsItAsTheyNowSeeIt()
    {
        var (ann, bob, cy, group) = await GroupAsync();
        var direct = await Db.Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        Db.Notifier.Clear();

        await Db.ReadReceipts.SetSharingAsync(bob.Id, false, Ct);

        var updates = Db.Notifier.ThreadsUpdated;
        Assert.Equal(2, updates.Count);
        var groupViews = updates.Single(u => u.ViewsByUserId.Values.First().Id == group).ViewsByUserId;
        Assert.Equal(new[] { ann.Id, bob.Id, cy.Id }.Order(), groupViews.Keys.Order());
        Assert.Null(Seen(groupViews[ann.Id], bob));
        Assert.Equal(0L, Seen(groupViews[ann.Id], cy));
        Assert.All(groupViews[bob.Id].Members, m => Assert.Null(m.LastReadSeq));
        Assert.Contains(updates, u => u.ViewsByUserId.Values.First().Id == direct.Id);
        Assert.False(await Db.ReadReceipts.IsSharingAsync(bob.Id, Ct));
    }

    [DatabaseFact]
    public async Task SetSharingAsync_AsItAlreadyIs_ChangesAndAnnouncesNothing()
    {
        var (_, bob, _, _) = await GroupAsync();
        var before = await Db.StateAsync(Ct);

        await Db.ReadReceipts.SetSharingAsync(bob.Id, true, Ct);

        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
        Assert.Equal(0, Db.Notifier.Count);
        Assert.True(await Db.ReadReceipts.IsSharingAsync(bob.Id, Ct));
    }

    [DatabaseFact]
    public async Task SendAsync_TheSendersMarkMovesAsOthersSeeIt_WithNoReadUpTo()
    {
        var (ann, bob, _, group) = await GroupAsync();
        await SendAsync(ann, group, 2);

        var sent = await Db.SendAsync(bob, group, "mine", Ct);

        Assert.Empty(Db.Notifier.ReadsUpTo);
        Assert.Equal(sent.Seq, Seen(await Db.Conversations.GetThreadAsync(ann.Id, group, Ct), bob));
    }

    private static long? Seen(ThreadSummary view, TestUser member) => view.Members.Single(m => m.UserName == member.UserName).LastReadSeq;

    private async Task SendAsync(TestUser sender, Guid threadId, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await Db.SendAsync(sender, threadId, $"message {i}", Ct);
        }
        Db.Notifier.Clear();
    }

    private async Task<(TestUser Ann, TestUser Bob, TestUser Cy, Guid Group)> GroupAsync()
    {
        var people = await Db.CreateUsersAsync([("Ann", null), ("Bob", null), ("Cy", null)], Ct);
        var group = await Db.Conversations.CreateGroupAsync(people[0].Id, "Team", [people[1].UserName, people[2].UserName], Ct);
        Db.Notifier.Clear();
        return (people[0], people[1], people[2], group.Id);
    }
}
