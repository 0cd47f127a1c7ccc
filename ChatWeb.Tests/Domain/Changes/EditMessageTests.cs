using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using ChatWeb.Tests.Domain.Infrastructure;
using Xunit;

namespace ChatWeb.Tests.Domain.Changes;

public class EditMessageTests : ChangeTest
{
    [DatabaseFact]
    public async Task EditAsync_BySender_StoresTheTextWithWhenAndANewVersion_AndEveryMemberHearsIt()
    {
        var (ann, bob, cy, group) = await GroupAsync();
        var sent = await Db.SendAsync(ann, group, "helo", Ct);
        Db.Clock.Advance(TimeSpan.FromMinutes(2));

        var edited = await Db.Changes.EditAsync(ann.Id, group, sent.Id, "hello", Ct);

        Assert.Equal(("hello", TestClock.Start.AddMinutes(2), sent.Version + 1), (edited.Body, edited.EditedAt, edited.Version));
        Assert.Equal((sent.Id, sent.Seq, sent.SentAt, sent.ClientMessageId), (edited.Id, edited.Seq, edited.SentAt, edited.ClientMessageId));
        var row = await RowAsync(sent.Id);
        Assert.Equal(("hello", edited.EditedAt, edited.Version), (row.Body, row.EditedAt, row.Version));
        var announced = Assert.Single(Db.Notifier.MessagesChanged);
        Assert.Equal(edited, announced.Message);
        Assert.Equal(new[] { ann.Id, bob.Id, cy.Id }.Order(), announced.RecipientIds.Order());
        Assert.Equal(edited, Assert.Single(await Db.Messages.GetBeforeAsync(cy.Id, group, null, null, Ct)));
    }

    [DatabaseFact]
    public async Task EditAsync_ByAnotherMemberEvenTheOwner_IsForbiddenAndWritesNothing()
    {
        var (ann, bob, _, group) = await GroupAsync();
        var sent = await Db.SendAsync(bob, group, "Bob's words", Ct);
        Db.Notifier.Clear();
        var before = await Db.StateAsync(Ct);

        var refusal = await ChatAssert.RefusedAsync(ChatErrorKind.Forbidden, () => Db.Changes.EditAsync(ann.Id, group, sent.Id, "Ann's words", Ct));

        Assert.Equal("Only its sender can edit a message.", refusal.Message);
        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
        Assert.Equal(0, Db.Notifier.Count);
    }

    [DatabaseTheory]
    [InlineData("", "A message cannot be empty.")]
    [InlineData(" \n\t", "A message cannot be empty.")]
    [InlineData(null, "A message cannot be empty.")]
    public async Task EditAsync_EmptyText_IsRefusedAsASendWouldBe(string? body, string expected)
    {
        var (ann, _, _, group) = await GroupAsync();
        var sent = await Db.SendAsync(ann, group, "hello", Ct);
        var before = await Db.StateAsync(Ct);

        var refusal = await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Changes.EditAsync(ann.Id, group, sent.Id, body, Ct));

        Assert.Equal(expected, refusal.Message);
        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
    }

    [DatabaseFact]
    public async Task EditAsync_OversizeText_IsRefused_AndTheLongestAllowedIsTaken()
    {
        var (ann, _, _, group) = await GroupAsync();
        var sent = await Db.SendAsync(ann, group, "hello", Ct);
        var before = await Db.StateAsync(Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Changes.EditAsync(ann.Id, group, sent.Id, new string('x', Message.BodyMaxLength + 1), Ct));
        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
        var longest = await Db.Changes.EditAsync(ann.Id, group, sent.Id, new string('x', Message.BodyMaxLength), Ct);

        Assert.Equal(Message.BodyMaxLength, longest.Body.Length);
    }

    [DatabaseFact]
    public async Task EditAsync_DeletedMessage_IsRefused()
    {
        var (ann, _, _, group) = await GroupAsync();
        var sent = await Db.SendAsync(ann, group, "oops", Ct);
        await Db.Changes.DeleteAsync(ann.Id, group, sent.Id, Ct);
        var before = await Db.StateAsync(Ct);

        var refusal = await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Changes.EditAsync(ann.Id, group, sent.Id, "back again", Ct));

        Assert.Contains("deleted", refusal.Message);
        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
    }

    [DatabaseFact]
    public async Task EditAsync_MessageOfAnotherThreadTheCallerIsIn_IsNotFound()
    {
        var (ann, bob, _, group) = await GroupAsync();
        var direct = await Db.Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        var elsewhere = await Db.SendAsync(ann, direct.Id, "in the direct thread", Ct);
        var before = await Db.StateAsync(Ct);

        var refusal = await ChatAssert.RefusedAsync(ChatErrorKind.NotFound, () => Db.Changes.EditAsync(ann.Id, group, elsewhere.Id, "moved?", Ct));

        Assert.Equal(ChatException.MessageNotFound().Message, refusal.Message);
        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
    }

    [DatabaseTheory]
    [InlineData(0)] // Ann, who edits
    [InlineData(1)]
    public async Task EditAsync_TheLastMessage_ThePreviewFollows_AsTheClientRuleSays(int viewer)
    {
        var (ann, bob, _, group) = await GroupAsync();
        await Db.SendAsync(bob, group, "first", Ct);
        var last = await Db.SendAsync(ann, group, "the  last\none", Ct);
        var person = new[] { ann, bob }[viewer];
        var before = await Db.Conversations.GetThreadAsync(person.Id, group, Ct);
        Db.Notifier.Clear();

        var edited = await Db.Changes.EditAsync(ann.Id, group, last.Id, "the last one,\n  fixed", Ct);

        var announced = Assert.Single(Db.Notifier.ThreadsAdvanced).ViewsByUserId[person.Id];
        Assert.Equal("the last one, fixed", announced.LastMessagePreview);
        Assert.Equivalent(announced, before.WithChange(edited), strict: true);
        Assert.Equivalent(announced, await Db.Conversations.GetThreadAsync(person.Id, group, Ct), strict: true);
        Assert.Empty(Db.Notifier.ThreadsUpdated);
    }

    [DatabaseFact]
    public async Task EditAsync_AnEarlierMessage_LeavesThePreviewAndAnnouncesNoThread()
    {
        var (ann, bob, _, group) = await GroupAsync();
        var first = await Db.SendAsync(ann, group, "first", Ct);
        await Db.SendAsync(bob, group, "second", Ct);
        var before = await Db.Conversations.GetThreadAsync(bob.Id, group, Ct);
        Db.Notifier.Clear();

        var edited = await Db.Changes.EditAsync(ann.Id, group, first.Id, "first, edited", Ct);

        var after = await Db.Conversations.GetThreadAsync(bob.Id, group, Ct);
        Assert.Equal("second", after.LastMessagePreview);
        Assert.Equivalent(after, before.WithChange(edited), strict: true);
        Assert.Empty(Db.Notifier.ThreadsAdvanced);
    }
}
