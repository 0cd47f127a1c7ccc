using ChatWeb.Domain.Entities;
using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ChatWeb.Tests.Domain.Conversations;

public class ThreadListTests : DomainTest
{
    [DatabaseFact]
    public async Task GetThreadsAsync_SeveralThreads_OrderedByLastMessageNewestFirst()
    {
        var (me, bob, cy, dee) = await FourPeopleAsync();
        var withBob = await Db.Conversations.OpenDirectAsync(me.Id, bob.UserName, Ct);
        Db.Clock.Advance(TimeSpan.FromMinutes(1));
        var withCy = await Db.Conversations.OpenDirectAsync(cy.Id, me.UserName, Ct);
        Db.Clock.Advance(TimeSpan.FromMinutes(1));
        var group = await Db.Conversations.CreateGroupAsync(dee.Id, "Team", [me.UserName], Ct);
        Db.Clock.Advance(TimeSpan.FromMinutes(1));
        await Db.SendAsync(bob, withBob.Id, "ping", Ct);

        var threads = await Db.Conversations.GetThreadsAsync(me.Id, Ct);

        Assert.Equal([withBob.Id, group.Id, withCy.Id], threads.Select(t => t.Id));
        Assert.Equal(TestClock.Start.AddMinutes(3), threads[0].LastMessageAt);
    }

    [DatabaseFact]
    public async Task SendAsync_SummariesNameTheLastSender_UntilTheyLeave()
    {
        var (me, bob, cy, _) = await FourPeopleAsync();
        var group = await Db.Conversations.CreateGroupAsync(me.Id, "Team", [bob.UserName, cy.UserName], Ct);
        Assert.Null(Assert.Single(await Db.Conversations.GetThreadsAsync(me.Id, Ct)).LastMessageSender);

        await Db.SendAsync(bob, group.Id, "on my way", Ct);

        var listed = Assert.Single(await Db.Conversations.GetThreadsAsync(cy.Id, Ct));
        var announced = Db.Notifier.ThreadsAdvanced[^1].ViewsByUserId[cy.Id];
        Assert.Equal((bob.UserName, "Bob Stone"), (listed.LastMessageSender, listed.LastMessageSenderDisplayName));
        Assert.Equal((bob.UserName, "Bob Stone"), (announced.LastMessageSender, announced.LastMessageSenderDisplayName));

        await Db.Groups.LeaveAsync(bob.Id, group.Id, Ct);

        var afterLeaving = Assert.Single(await Db.Conversations.GetThreadsAsync(cy.Id, Ct));
        Assert.Equal(("on my way", null, null), (afterLeaving.LastMessagePreview, afterLeaving.LastMessageSender, afterLeaving.LastMessageSenderDisplayName));
    }

    [DatabaseFact]
    public async Task GetThreadsAsync_DirectThread_TitleIsTheOtherPersonsDisplayName()
    {
        var (me, bob, _, _) = await FourPeopleAsync();
        await Db.Conversations.OpenDirectAsync(me.Id, bob.UserName, Ct);

        var mine = Assert.Single(await Db.Conversations.GetThreadsAsync(me.Id, Ct));
        var bobs = Assert.Single(await Db.Conversations.GetThreadsAsync(bob.Id, Ct));

        Assert.Equal(("Bob Stone", "Bob Stone"), (mine.Title, mine.DisplayTitle));
        Assert.Equal("Mia Moss", bobs.Title);
    }

    [DatabaseFact]
    public async Task GetThreadsAsync_NicknameMuteAndUnread_AreEachPersonsOwn()
    {
        var (me, bob, _, _) = await FourPeopleAsync();
        var group = await Db.Conversations.CreateGroupAsync(bob.Id, "Team", [me.UserName], Ct);
        await Db.Settings.SetNicknameAsync(me.Id, group.Id, "Ops", Ct);
        await Db.Settings.SetMutedAsync(me.Id, group.Id, true, Ct);
        await Db.SendAsync(bob, group.Id, "one", Ct);
        await Db.SendAsync(bob, group.Id, "two", Ct);

        var mine = Assert.Single(await Db.Conversations.GetThreadsAsync(me.Id, Ct));
        var bobs = Assert.Single(await Db.Conversations.GetThreadsAsync(bob.Id, Ct));

        Assert.Equal(("Team", "Ops", "Ops", true, 2L, MemberRole.Member), (mine.Title, mine.Nickname, mine.DisplayTitle, mine.IsMuted, mine.UnreadCount, mine.Role));
        Assert.Equal(("Team", (string?)null, "Team", false, 0L, MemberRole.Owner), (bobs.Title, bobs.Nickname, bobs.DisplayTitle, bobs.IsMuted, bobs.UnreadCount, bobs.Role));
    }

    [DatabaseFact]
    public async Task GetThreadsAsync_Preview_IsTheLastMessageOnOneLine()
    {
        var (me, bob, _, _) = await FourPeopleAsync();
        var thread = await Db.Conversations.OpenDirectAsync(me.Id, bob.UserName, Ct);
        await Db.SendAsync(me, thread.Id, "first", Ct);
        await Db.SendAsync(bob, thread.Id, "  line one\n\n\tline   two  ", Ct);

        var summary = Assert.Single(await Db.Conversations.GetThreadsAsync(me.Id, Ct));

        Assert.Equal("line one line two", summary.LastMessagePreview);
    }

    [DatabaseFact]
    public async Task GetThreadsAsync_LongLastMessage_PreviewIsCutTo120CharactersWithAnEllipsis()
    {
        var (me, bob, _, _) = await FourPeopleAsync();
        var thread = await Db.Conversations.OpenDirectAsync(me.Id, bob.UserName, Ct);
        await Db.SendAsync(bob, thread.Id, new string('a', 119) + "bcdef", Ct);

        var summary = Assert.Single(await Db.Conversations.GetThreadsAsync(me.Id, Ct));

        Assert.Equal(new string('a', 119) + "…", summary.LastMessagePreview);
        Assert.Equal(ChatThread.PreviewMaxLength, summary.LastMessagePreview!.Length);
    }

    [DatabaseFact]
    public async Task GetThreadsAsync_EmojiAtThePreviewCut_PreviewNeverHoldsHalfACharacter()
    {
        var (me, bob, _, _) = await FourPeopleAsync();
        var thread = await Db.Conversations.OpenDirectAsync(me.Id, bob.UserName, Ct);
        // The 119th character is the first half of a surrogate pair; cutting there would store U+FFFD.
        await Db.SendAsync(bob, thread.Id, new string('a', 118) + "😀😀 and more", Ct);

        var summary = Assert.Single(await Db.Conversations.GetThreadsAsync(me.Id, Ct));

        Assert.Equal(new string('a', 118) + "…", summary.LastMessagePreview);
        Assert.DoesNotContain('\uFFFD', summary.LastMessagePreview!);
    }

    [DatabaseFact]
    public async Task GetThreadsAsync_ManyThreadsWithMessages_IssuesExactlyOneSqlCommand()
    {
        var (me, bob, cy, dee) = await FourPeopleAsync();
        var withBob = await Db.Conversations.OpenDirectAsync(me.Id, bob.UserName, Ct);
        var withCy = await Db.Conversations.OpenDirectAsync(me.Id, cy.UserName, Ct);
        var group = await Db.Conversations.CreateGroupAsync(me.Id, "Team", [bob.UserName, cy.UserName, dee.UserName], Ct);
        foreach (var threadId in new[] { withBob.Id, withCy.Id, group.Id })
        {
            await Db.SendAsync(me, threadId, "hello", Ct);
        }
        Db.Commands.Clear();

        var threads = await Db.Conversations.GetThreadsAsync(me.Id, Ct);

        Assert.Equal(3, threads.Count);
        Assert.Single(Db.Commands.Commands);
        Assert.Equal(4, threads.Single(t => t.Id == group.Id).Members.Count);
    }

    [DatabaseFact]
    public async Task GetThreadsAsync_SomeoneWithNoThreads_SeesNoneOfOthersThreads()
    {
        var (me, bob, cy, _) = await FourPeopleAsync();
        await Db.Conversations.OpenDirectAsync(bob.Id, cy.UserName, Ct);

        var threads = await Db.Conversations.GetThreadsAsync(me.Id, Ct);

        Assert.Empty(threads);
    }

    [DatabaseFact]
    public async Task SendAsync_GroupMessage_WritesOnlyTheSendersMemberRow()
    {
        var (me, bob, cy, dee) = await FourPeopleAsync();
        var group = await Db.Conversations.CreateGroupAsync(me.Id, "Team", [bob.UserName, cy.UserName, dee.UserName], Ct);
        var before = await MemberRowsAsync(group.Id);
        Db.Clock.Advance(TimeSpan.FromMinutes(1));

        var sent = await Db.SendAsync(bob, group.Id, "hello", Ct);

        var after = await MemberRowsAsync(group.Id);
        Assert.Equal(before.Where(r => r.OwnerId != bob.Id), after.Where(r => r.OwnerId != bob.Id));
        Assert.Equal(sent.Seq, after.Single(r => r.OwnerId == bob.Id).LastReadSeq);
        Assert.Equal(group.Id, (await Db.Conversations.GetThreadsAsync(cy.Id, Ct))[0].Id);
    }

    private async Task<List<(string OwnerId, long LastReadSeq, DateTime JoinedAt, bool IsMuted)>> MemberRowsAsync(Guid threadId)
    {
        await using var db = await Db.OpenAsync(Ct);
        var rows = await db.ThreadMembers.AsNoTracking().Where(m => m.ThreadId == threadId).OrderBy(m => m.OwnerId)
            .Select(m => new { m.OwnerId, m.LastReadSeq, m.JoinedAt, m.IsMuted }).ToListAsync(Ct);
        return rows.ConvertAll(r => (r.OwnerId, r.LastReadSeq, r.JoinedAt, r.IsMuted));
    }

    private async Task<(TestUser Me, TestUser Bob, TestUser Cy, TestUser Dee)> FourPeopleAsync()
    {
        var people = await Db.CreateUsersAsync([("Mia Moss", null), ("Bob Stone", null), ("Cy Young", null), ("Dee Lane", null)], Ct);
        return (people[0], people[1], people[2], people[3]);
    }
}
