using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using ChatWeb.Tests.Domain.Infrastructure;
using Xunit;

namespace ChatWeb.Tests.Domain.Changes;

public class ReactionTests : ChangeTest
{
    [DatabaseFact]
    public async Task ReactAsync_SeveralPeopleAndEmoji_GroupedByEmojiInTheOrderGiven()
    {
        var (ann, bob, cy, group) = await GroupAsync();
        var sent = await Db.SendAsync(ann, group, "lunch?", Ct);

        await Db.Changes.ReactAsync(bob.Id, group, sent.Id, "👍", true, Ct);
        Db.Clock.Advance(TimeSpan.FromSeconds(1));
        await Db.Changes.ReactAsync(cy.Id, group, sent.Id, "🍕", true, Ct);
        Db.Clock.Advance(TimeSpan.FromSeconds(1));
        var last = await Db.Changes.ReactAsync(ann.Id, group, sent.Id, "👍", true, Ct);

        Assert.Equal(
            [new ReactionView("👍", 2, [bob.UserName, ann.UserName]), new ReactionView("🍕", 1, [cy.UserName])],
            last.Reactions);
        Assert.Equal(last, Assert.Single(await Db.Messages.GetAfterAsync(cy.Id, group, 0, null, Ct)));
        Assert.Equal(3, Db.Notifier.MessagesChanged.Count);
    }

    [DatabaseFact]
    public async Task ReactAsync_OnTwiceThenOffTwice_IsIdempotentBothWays()
    {
        var (ann, bob, _, group) = await GroupAsync();
        var sent = await Db.SendAsync(ann, group, "ship it", Ct);

        var on = await Db.Changes.ReactAsync(bob.Id, group, sent.Id, "🚀", true, Ct);
        var onAgain = await Db.Changes.ReactAsync(bob.Id, group, sent.Id, "🚀", true, Ct);
        var off = await Db.Changes.ReactAsync(bob.Id, group, sent.Id, "🚀", false, Ct);
        var offAgain = await Db.Changes.ReactAsync(bob.Id, group, sent.Id, "🚀", false, Ct);

        Assert.Equal(on, onAgain);
        Assert.Equal(off, offAgain);
        Assert.Empty(off.Reactions);
        Assert.Equal((sent.Version + 1, sent.Version + 2), (on.Version, off.Version));
        Assert.Equal(2, Db.Notifier.MessagesChanged.Count);
    }

    [DatabaseFact]
    public async Task ReactAsync_FiftyDistinctEmoji_TheFiftyFirstIsRefused_ButAnotherOfTheFiftyIsTaken()
    {
        var (ann, bob, _, group) = await GroupAsync();
        var sent = await Db.SendAsync(ann, group, "react to me", Ct);
        // Fifty different animal faces, U+1F400 onwards.
        var fifty = Enumerable.Range(0, Reaction.MaxDistinctPerMessage).Select(i => char.ConvertFromUtf32(0x1F400 + i)).ToList();
        foreach (var emoji in fifty)
        {
            await Db.Changes.ReactAsync(ann.Id, group, sent.Id, emoji, true, Ct);
        }
        var before = await Db.StateAsync(Ct);

        var refusal = await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Changes.ReactAsync(ann.Id, group, sent.Id, "🎉", true, Ct));
        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
        var joined = await Db.Changes.ReactAsync(bob.Id, group, sent.Id, fifty[7], true, Ct);

        Assert.Contains("at most 50 different reactions", refusal.Message);
        Assert.Equal(50, joined.Reactions.Count);
        Assert.Equal(2, joined.Reactions.Single(r => r.Emoji == fifty[7]).Count);
    }

    [DatabaseFact]
    public async Task ReactAsync_DifferentEmojiThatADefaultCollationWouldConfuse_StayDistinct()
    {
        var (ann, _, _, group) = await GroupAsync();
        var sent = await Db.SendAsync(ann, group, "faces", Ct);

        await Db.Changes.ReactAsync(ann.Id, group, sent.Id, "😀", true, Ct);
        var both = await Db.Changes.ReactAsync(ann.Id, group, sent.Id, "😃", true, Ct);
        var one = await Db.Changes.ReactAsync(ann.Id, group, sent.Id, "😀", false, Ct);

        Assert.Equal(["😀", "😃"], both.Reactions.Select(r => r.Emoji));
        Assert.Equal(["😃"], one.Reactions.Select(r => r.Emoji));
    }

    [DatabaseTheory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("a")]
    [InlineData("👍👍")]
    public async Task ReactAsync_NotASingleEmoji_IsRefusedAndWritesNothing(string? emoji)
    {
        var (ann, _, _, group) = await GroupAsync();
        var sent = await Db.SendAsync(ann, group, "hello", Ct);
        var before = await Db.StateAsync(Ct);

        var refusal = await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Changes.ReactAsync(ann.Id, group, sent.Id, emoji, true, Ct));

        Assert.Equal("A reaction must be a single emoji.", refusal.Message);
        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
    }

    [DatabaseFact]
    public async Task ReactAsync_DeletedMessage_IsRefused()
    {
        var (ann, bob, _, group) = await GroupAsync();
        var sent = await Db.SendAsync(ann, group, "gone soon", Ct);
        await Db.Changes.DeleteAsync(ann.Id, group, sent.Id, Ct);
        var before = await Db.StateAsync(Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Changes.ReactAsync(bob.Id, group, sent.Id, "👍", true, Ct));

        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
    }

    [DatabaseFact]
    public async Task GetBeforeAsync_APageWithReactionsAndReplies_IsOneQueryAfterTheMembershipCheck()
    {
        var (ann, bob, cy, group) = await GroupAsync();
        var first = await Db.SendAsync(ann, group, "first", Ct);
        for (var i = 0; i < 5; i++)
        {
            var m = await Db.Messages.PostAsync(bob.Id, group, new MessageDraft { ClientMessageId = $"r{i}", Body = $"reply {i}", ReplyToId = first.Id.ToString() }, Ct);
            await Db.Changes.ReactAsync(cy.Id, group, m.Id, "👍", true, Ct);
            await Db.Changes.ReactAsync(ann.Id, group, m.Id, "👍", true, Ct);
        }
        Db.Commands.Clear();

        var page = await Db.Messages.GetBeforeAsync(cy.Id, group, null, null, Ct);

        Assert.Equal(2, Db.Commands.Commands.Count);
        Assert.Equal(6, page.Count);
        Assert.All(page.Skip(1), m => Assert.Equal((2, first.Id), (m.Reactions.Single().Count, m.ReplyTo!.Id)));
    }
}
