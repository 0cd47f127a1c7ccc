using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using ChatWeb.Tests.Domain.Infrastructure;
using Xunit;

namespace ChatWeb.Tests.Domain.Attention;

public class MentionTests : DomainTest
{
    [DatabaseFact]
    public async Task PostAsync_MentionOfAMember_IsStoredAndReadBackAsAcknowledged()
    {
        var (ann, bob, _, group) = await GroupAsync();

        var sent = await PostAsync(ann, group, "@Bob lunch?", bob.UserName.ToUpperInvariant());

        Assert.Equal([bob.UserName], sent.Mentions);
        Assert.False(sent.MentionsHere);
        var read = Assert.Single(await Db.Messages.GetAfterAsync(bob.Id, group, 0, null, Ct));
        Assert.Equal(sent, read);
        Assert.Equal(sent, Assert.Single(Db.Notifier.MessagesStored).Message);
    }

    [DatabaseFact]
    public async Task PostAsync_RetryWithMentions_AnswersWithTheStoredMentionsOnce()
    {
        var (ann, bob, _, group) = await GroupAsync();
        var first = await PostWithIdAsync(ann, group, "@Bob hi", bob.UserName, "same");

        var retry = await PostWithIdAsync(ann, group, "@Bob hi", bob.UserName, "same");

        Assert.Equal(first, retry);
        Assert.Equal(1L, (await SummaryAsync(bob, group)).UnreadMentions);
    }

    [DatabaseTheory]
    [InlineData("cy")] // a member of another thread only
    [InlineData("nobody@corp.example")]
    [InlineData("")]
    public async Task PostAsync_MentionOfANonMember_IsRefusedAndWritesNothing(string who)
    {
        var (ann, _, _, group) = await GroupAsync();
        var outsider = await Db.CreateUserAsync("Cy", ct: Ct);
        var name = who == "cy" ? outsider.UserName : who;
        var before = await Db.StateAsync(Ct);

        var refusal = await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => PostAsync(ann, group, "hello", name));

        Assert.Contains(name.Length == 0 ? "user name of a member" : "is not a member of this conversation", refusal.Message);
        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
    }

    [DatabaseFact]
    public async Task UnreadMentions_ThroughSendReadAndMute_AreCountedForTheMentionedOnly()
    {
        var (ann, bob, cy, group) = await GroupAsync();
        await Db.Settings.SetMutedAsync(bob.Id, group, true, Ct);

        await PostAsync(ann, group, "@Bob one", bob.UserName);
        await Db.SendAsync(ann, group, "no mention", Ct);
        await PostAsync(ann, group, "@Bob two", bob.UserName);
        var whileMuted = await SummaryAsync(bob, group);
        var read = await Db.Settings.MarkReadAsync(bob.Id, group, 2, Ct);

        Assert.Equal((3L, 2L, true), (whileMuted.UnreadCount, whileMuted.UnreadMentions, whileMuted.IsMuted));
        Assert.Equal(0L, (await SummaryAsync(cy, group)).UnreadMentions);
        Assert.Equal(0L, (await SummaryAsync(ann, group)).UnreadMentions);
        Assert.Equal((1L, 1L), (read.UnreadCount, read.UnreadMentions));
        Assert.Equal(1L, (await SummaryAsync(bob, group)).UnreadMentions);
        Assert.Equal(1L, (await Db.Settings.SetMutedAsync(bob.Id, group, false, Ct)).UnreadMentions);
    }

    [DatabaseFact]
    public async Task PostAsync_ByTheMentionedPerson_ReadsTheirMentions()
    {
        var (ann, bob, _, group) = await GroupAsync();
        await PostAsync(ann, group, "@Bob one", bob.UserName);

        await Db.SendAsync(bob, group, "seen it", Ct);

        Assert.Equal(0L, (await SummaryAsync(bob, group)).UnreadMentions);
    }

    [DatabaseFact]
    public async Task PostAsync_Mention_AnnouncesEachMembersCountAsTheServerReadsIt()
    {
        var (ann, bob, cy, group) = await GroupAsync();
        await PostAsync(ann, group, "@Bob one", bob.UserName);

        await PostAsync(ann, group, "@Bob @Cy two", bob.UserName, cy.UserName);

        var views = Db.Notifier.ThreadsAdvanced[^1].ViewsByUserId;
        Assert.Equal((2L, 1L, 0L), (views[bob.Id].UnreadMentions, views[cy.Id].UnreadMentions, views[ann.Id].UnreadMentions));
        Assert.Equal(views[bob.Id].UnreadMentions, (await SummaryAsync(bob, group)).UnreadMentions);
    }

    [DatabaseFact]
    public async Task WithMessage_OnEveryDevice_AgreesWithTheServersCount()
    {
        var (ann, bob, _, group) = await GroupAsync();
        var shown = await SummaryAsync(bob, group);

        var first = await PostAsync(ann, group, "@Bob one", bob.UserName);
        var second = await PostAsync(ann, group, "@here two", "@here");
        var own = await Db.SendAsync(bob, group, "mine", Ct);

        var afterMentions = shown.WithMessage(first, bob.UserName).WithMessage(second, bob.UserName);
        Assert.Equal(1L, afterMentions.UnreadMentions); // bob was offline: @here did not reach him
        Assert.Equal(0L, afterMentions.WithMessage(own, bob.UserName).UnreadMentions);
        Assert.Equal(0L, (await SummaryAsync(bob, group)).UnreadMentions);
    }

    [DatabaseFact]
    public async Task PostAsync_Here_MentionsTheMembersOnlineNowButNotTheSender()
    {
        var (ann, bob, cy, group) = await GroupAsync();
        await Db.Presence.DeviceConnectedAsync(ann.Id, "ann-1", Ct);
        await Db.Presence.DeviceConnectedAsync(bob.Id, "bob-1", Ct);

        var sent = await PostAsync(ann, group, "@here stand-up", "@here");

        Assert.True(sent.MentionsHere);
        Assert.Equal([bob.UserName], sent.Mentions);
        Assert.Equal((1L, 0L), ((await SummaryAsync(bob, group)).UnreadMentions, (await SummaryAsync(cy, group)).UnreadMentions));
    }

    [DatabaseFact]
    public async Task PostAsync_HereInALargeGroup_OnlyOwnersAndAdmins()
    {
        var people = await Db.CreateUsersAsync([.. Enumerable.Range(0, MentionRules.OpenHereMaxMembers + 1).Select(i => ($"P{i}", (string?)null))], Ct);
        var group = await Db.Conversations.CreateGroupAsync(people[0].Id, "Everyone", people.Skip(1).Select(p => p.UserName).ToList(), Ct);
        var before = await Db.StateAsync(Ct);

        var refusal = await ChatAssert.RefusedAsync(ChatErrorKind.Forbidden, () => PostAsync(people[1], group.Id, "@here hi", "@here"));
        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
        var byOwner = await PostAsync(people[0], group.Id, "@here hi", "@here");

        Assert.Contains("only its owner and admins can mention @here", refusal.Message);
        Assert.True(byOwner.MentionsHere);
        Assert.False((await SummaryAsync(people[1], group.Id)).CanMentionHere);
        Assert.True(group.CanMentionHere);
    }

    [DatabaseFact]
    public async Task DeleteMessage_WithMentions_ShowsNoneAnyMore()
    {
        var (ann, bob, _, group) = await GroupAsync();
        var sent = await PostAsync(ann, group, "@Bob secret", bob.UserName);

        var deleted = await Db.Changes.DeleteAsync(ann.Id, group, sent.Id, Ct);

        Assert.Empty(deleted.Mentions);
    }

    private Task<ChatMessage> PostAsync(TestUser sender, Guid thread, string body, params string[] mentions) =>
        PostAsync(sender, thread, body, mentions, clientMessageId: null);

    private Task<ChatMessage> PostWithIdAsync(TestUser sender, Guid thread, string body, string mention, string clientMessageId) =>
        PostAsync(sender, thread, body, [mention], clientMessageId);

    private Task<ChatMessage> PostAsync(TestUser sender, Guid thread, string body, string[] mentions, string? clientMessageId) =>
        Db.Messages.PostAsync(sender.Id, thread, new MessageDraft { ClientMessageId = clientMessageId ?? Guid.NewGuid().ToString(), Body = body, Mentions = mentions }, Ct);

    private Task<ThreadSummary> SummaryAsync(TestUser user, Guid thread) => Db.Conversations.GetThreadAsync(user.Id, thread, Ct);

    private async Task<(TestUser Ann, TestUser Bob, TestUser Cy, Guid Group)> GroupAsync()
    {
        var people = await Db.CreateUsersAsync([("Ann", null), ("Bob", null), ("Cy Member", null)], Ct);
        var group = await Db.Conversations.CreateGroupAsync(people[0].Id, "Team", [people[1].UserName, people[2].UserName], Ct);
        Assert.Equal(ThreadKind.Group, group.Kind);
        return (people[0], people[1], people[2], group.Id);
    }
}
