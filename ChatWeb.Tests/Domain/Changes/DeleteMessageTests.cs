using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ChatWeb.Tests.Domain.Changes;

public class DeleteMessageTests : ChangeTest
{
    [DatabaseFact]
    public async Task DeleteAsync_BySender_ErasesTheTextAndReactionsInStorage_AndKeepsTheSeq()
    {
        var (ann, bob, cy, group) = await GroupAsync();
        var sent = await Db.SendAsync(ann, group, "the secret plan", Ct);
        var after = await Db.SendAsync(bob, group, "after it", Ct);
        await Db.Changes.ReactAsync(bob.Id, group, sent.Id, "👍", true, Ct);
        await Db.Changes.ReactAsync(cy.Id, group, sent.Id, "😮", true, Ct);
        Db.Clock.Advance(TimeSpan.FromMinutes(5));
        Db.Notifier.Clear();

        var deleted = await Db.Changes.DeleteAsync(ann.Id, group, sent.Id, Ct);

        Assert.Equal(("", TestClock.Start.AddMinutes(5), ann.UserName, sent.Seq), (deleted.Body, deleted.DeletedAt, deleted.DeletedBy, deleted.Seq));
        Assert.Empty(deleted.Reactions);
        await using var db = await Db.OpenAsync(Ct);
        // Read raw, past EF's model: the text is gone from the row, not hidden by a flag.
        var (sql, id) = Provider == DatabaseProvider.Sqlite
            ? ("SELECT \"Body\" AS \"Value\" FROM \"Messages\" WHERE \"Id\" = {0}", (object)sent.Id.ToString().ToUpperInvariant())
            : ("SELECT [Body] AS [Value] FROM [Messages] WHERE [Id] = {0}", sent.Id);
        var stored = await db.Database.SqlQueryRaw<string>(sql, id).SingleAsync(Ct);
        Assert.Equal("", stored);
        Assert.Equal(0, await db.Reactions.CountAsync(r => r.MessageId == sent.Id, Ct));
        Assert.Equal([sent.Seq, after.Seq], await db.Messages.Where(m => m.ThreadId == group).OrderBy(m => m.Seq).Select(m => m.Seq).ToListAsync(Ct));
        Assert.Equal(deleted, Assert.Single(Db.Notifier.MessagesChanged).Message);
    }

    [DatabaseTheory]
    [InlineData("Owner")]
    [InlineData("Admin")]
    public async Task DeleteAsync_AGroupsOwnerOrAdmin_MayDeleteAnyonesMessage(string role)
    {
        var (ann, bob, cy, group) = await GroupAsync();
        var sent = await Db.SendAsync(cy, group, "off topic", Ct);
        var deleter = ann;
        if (role == "Admin")
        {
            await PromoteAsync(group, bob.Id);
            deleter = bob;
        }

        var deleted = await Db.Changes.DeleteAsync(deleter.Id, group, sent.Id, Ct);

        Assert.Equal((deleter.UserName, ""), (deleted.DeletedBy, deleted.Body));
    }

    [DatabaseFact]
    public async Task DeleteAsync_AMemberDeletingAnothersMessage_IsForbiddenAndWritesNothing()
    {
        var (ann, bob, _, group) = await GroupAsync();
        var sent = await Db.SendAsync(ann, group, "the owner's", Ct);
        var before = await Db.StateAsync(Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.Forbidden, () => Db.Changes.DeleteAsync(bob.Id, group, sent.Id, Ct));

        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
    }

    [DatabaseFact]
    public async Task DeleteAsync_TheOtherPersonInADirectThread_IsForbidden()
    {
        var (ann, bob, thread) = await DirectAsync();
        var sent = await Db.SendAsync(ann, thread, "mine", Ct);
        var before = await Db.StateAsync(Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.Forbidden, () => Db.Changes.DeleteAsync(bob.Id, thread, sent.Id, Ct));

        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
    }

    [DatabaseFact]
    public async Task DeleteAsync_Twice_ChangesNothingTheSecondTime()
    {
        var (ann, _, _, group) = await GroupAsync();
        var sent = await Db.SendAsync(ann, group, "once", Ct);
        var first = await Db.Changes.DeleteAsync(ann.Id, group, sent.Id, Ct);
        Db.Notifier.Clear();
        var before = await Db.StateAsync(Ct);

        var second = await Db.Changes.DeleteAsync(ann.Id, group, sent.Id, Ct);

        Assert.Equal(first, second);
        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
        Assert.Equal(0, Db.Notifier.Count);
    }

    [DatabaseFact]
    public async Task DeleteAsync_AMessageRepliedTo_TheRepliesShowItDeleted()
    {
        var (ann, bob, _, group) = await GroupAsync();
        var original = await Db.SendAsync(ann, group, "the original", Ct);
        var reply = await Db.Messages.PostAsync(bob.Id, group, new MessageDraft { ClientMessageId = "r", Body = "an answer", ReplyToId = original.Id.ToString() }, Ct);

        await Db.Changes.DeleteAsync(ann.Id, group, original.Id, Ct);

        var page = await Db.Messages.GetBeforeAsync(bob.Id, group, null, null, Ct);
        var quoted = page.Single(m => m.Id == reply.Id).ReplyTo!;
        Assert.Equal((original.Id, original.Seq, ann.UserName, "Ann", null, true), (quoted.Id, quoted.Seq, quoted.Sender, quoted.SenderDisplayName, quoted.Preview, quoted.IsDeleted));
        Assert.Equal(reply.Version, page.Single(m => m.Id == reply.Id).Version);
    }

    [DatabaseTheory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task DeleteAsync_TheLastMessage_ThePreviewGoes_AsTheClientRuleSays(int viewer)
    {
        var (ann, bob, _, group) = await GroupAsync();
        await Db.SendAsync(bob, group, "first", Ct);
        var last = await Db.SendAsync(ann, group, "regrettable", Ct);
        var person = new[] { ann, bob }[viewer];
        var before = await Db.Conversations.GetThreadAsync(person.Id, group, Ct);
        Db.Notifier.Clear();

        var deleted = await Db.Changes.DeleteAsync(ann.Id, group, last.Id, Ct);

        var announced = Assert.Single(Db.Notifier.ThreadsAdvanced).ViewsByUserId[person.Id];
        Assert.Equal((null, true, 2L), (announced.LastMessagePreview, announced.LastMessageDeleted, announced.LastSeq));
        Assert.Equivalent(announced, before.WithChange(deleted), strict: true);
        Assert.Equivalent(announced, await Db.Conversations.GetThreadAsync(person.Id, group, Ct), strict: true);
        Assert.Null((await ThreadRowAsync(group)).LastMessagePreview);
    }

    private async Task PromoteAsync(Guid group, string userId)
    {
        await using var db = await Db.OpenAsync(Ct);
        await db.ThreadMembers.Where(m => m.ThreadId == group && m.OwnerId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, ChatWeb.Domain.Entities.MemberRole.Admin), Ct);
    }
}
