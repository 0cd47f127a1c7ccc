using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Domain.Infrastructure;
using Xunit;

namespace ChatWeb.Tests.Domain.Changes;

public class ReplyTests : ChangeTest
{
    [DatabaseFact]
    public async Task PostAsync_AReply_CarriesTheQuoteToEveryoneAndInHistory()
    {
        var (ann, bob, cy, group) = await GroupAsync();
        var original = await Db.SendAsync(ann, group, "Who takes the\nFriday shift?", Ct);

        var reply = await Db.Messages.PostAsync(bob.Id, group, Draft("c1", "I do", original.Id.ToString()), Ct);

        var expected = new ReplyPreview(original.Id, original.Seq, ann.UserName, "Ann", "Who takes the Friday shift?", false);
        Assert.Equal(expected, reply.ReplyTo);
        Assert.Equal(reply, Db.Notifier.MessagesStored.Last().Message);
        Assert.Equal(reply, (await Db.Messages.GetAfterAsync(cy.Id, group, original.Seq, null, Ct)).Single());
        Assert.Equal(original.Id, (await RowAsync(reply.Id)).ReplyToId);
    }

    [DatabaseFact]
    public async Task PostAsync_AReplyRetried_AnswersTheStoredReplyAsItIsNow()
    {
        var (ann, bob, _, group) = await GroupAsync();
        var original = await Db.SendAsync(ann, group, "question", Ct);
        var reply = await Db.Messages.PostAsync(bob.Id, group, Draft("same", "answer", original.Id.ToString()), Ct);
        var edited = await Db.Changes.EditAsync(ann.Id, group, original.Id, "question, rephrased", Ct);
        var reacted = await Db.Changes.ReactAsync(ann.Id, group, reply.Id, "🙏", true, Ct);

        var retry = await Db.Messages.PostAsync(bob.Id, group, Draft("same", "answer", original.Id.ToString()), Ct);

        Assert.Equal(reacted, retry);
        Assert.Equal("question, rephrased", retry.ReplyTo!.Preview);
        Assert.Equal(edited.Version + 1, retry.Version);
    }

    [DatabaseFact]
    public async Task PostAsync_AReplyToAMessageOfAnotherThread_IsRefusedAndWritesNothing()
    {
        var (ann, bob, _, group) = await GroupAsync();
        var direct = await Db.Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        var elsewhere = await Db.SendAsync(ann, direct.Id, "private", Ct);
        Db.Notifier.Clear();
        var before = await Db.StateAsync(Ct);

        var refusal = await ChatAssert.RefusedAsync(ChatErrorKind.NotFound,
            () => Db.Messages.PostAsync(bob.Id, group, Draft("c1", "quoting across", elsewhere.Id.ToString()), Ct));

        Assert.Equal(ChatException.ReplyTargetNotFound().Message, refusal.Message);
        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
        Assert.Equal(0, Db.Notifier.Count);
    }

    [DatabaseFact]
    public async Task PostAsync_AReplyToAnUnknownMessage_IsRefused_AndTheSameClientIdStaysFree()
    {
        var (ann, _, _, group) = await GroupAsync();
        var before = await Db.StateAsync(Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.NotFound, () => Db.Messages.PostAsync(ann.Id, group, Draft("c1", "to nothing", Guid.NewGuid().ToString()), Ct));
        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
        var plain = await Db.Messages.PostAsync(ann.Id, group, Draft("c1", "to no one in particular", null), Ct);

        Assert.Null(plain.ReplyTo);
        Assert.Equal(1, plain.Seq);
    }

    [DatabaseTheory]
    [InlineData("not-a-guid")]
    [InlineData("12345")]
    public async Task PostAsync_AMalformedReplyId_IsInvalidAndWritesNothing(string replyToId)
    {
        var (ann, _, _, group) = await GroupAsync();
        var before = await Db.StateAsync(Ct);

        var refusal = await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Messages.PostAsync(ann.Id, group, Draft("c1", "hi", replyToId), Ct));

        Assert.Equal($"'{replyToId}' is not a valid message id.", refusal.Message);
        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
    }

    [DatabaseFact]
    public async Task PostAsync_RepliesAndPlainSendsAtOnce_EachGetsItsOwnQuote()
    {
        var (ann, bob, cy, group) = await GroupAsync();
        var first = await Db.SendAsync(ann, group, "first", Ct);
        var second = await Db.SendAsync(bob, group, "second", Ct);
        var people = new[] { ann, bob, cy };

        var posted = await Concurrently.RunAsync(24, i => Db.Messages.PostAsync(people[i % 3].Id, group,
            Draft($"c{i}", $"message {i}", (i % 3) switch { 0 => first.Id.ToString(), 1 => second.Id.ToString(), _ => null }), Ct));

        for (var i = 0; i < posted.Length; i++)
        {
            Assert.Equal((i % 3) switch { 0 => first.Id, 1 => second.Id, _ => (Guid?)null }, posted[i].ReplyTo?.Id);
        }
        Assert.Equal(Enumerable.Range(3, 24).Select(v => (long)v), posted.Select(m => m.Version).Order());
    }

    [DatabaseFact]
    public async Task PostAsync_AReplyToADeletedMessage_IsStoredAndSaysItIsDeleted()
    {
        var (ann, bob, _, group) = await GroupAsync();
        var original = await Db.SendAsync(ann, group, "withdrawn", Ct);
        await Db.Changes.DeleteAsync(ann.Id, group, original.Id, Ct);

        var reply = await Db.Messages.PostAsync(bob.Id, group, Draft("late", "too late, I saw it", original.Id.ToString()), Ct);

        Assert.Equal((true, (string?)null), (reply.ReplyTo!.IsDeleted, reply.ReplyTo.Preview));
    }

    private static MessageDraft Draft(string clientMessageId, string body, string? replyToId) =>
        new() { ClientMessageId = clientMessageId, Body = body, ReplyToId = replyToId };
}
