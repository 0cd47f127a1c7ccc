using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Domain.Infrastructure;
using Xunit;

namespace ChatWeb.Tests.Domain.Changes;

/// <summary>Catching up by version: every message changed (or sent) after a version, once, as it is now, in version order.</summary>
public class ChangesAfterTests : ChangeTest
{
    [DatabaseFact]
    public async Task GetChangesAfterAsync_AfterEditsAndReactions_ReturnsEachChangedMessageOnceAtItsLatestVersion()
    {
        var (ann, bob, _, group) = await GroupAsync();
        var one = await Db.SendAsync(ann, group, "one", Ct);
        var two = await Db.SendAsync(bob, group, "two", Ct);
        var three = await Db.SendAsync(ann, group, "three", Ct);
        var seen = three.Version;
        await Db.Changes.EditAsync(ann.Id, group, one.Id, "one!", Ct);
        await Db.Changes.ReactAsync(ann.Id, group, two.Id, "👍", true, Ct);
        var lastOfOne = await Db.Changes.ReactAsync(bob.Id, group, one.Id, "👍", true, Ct);
        var four = await Db.SendAsync(bob, group, "four", Ct);

        var changes = await Db.Messages.GetChangesAfterAsync(bob.Id, group, seen, null, Ct);

        Assert.Equal([two.Id, one.Id, four.Id], changes.Messages.Select(m => m.Id));
        Assert.Equal([5L, 6L, 7L], changes.Messages.Select(m => m.Version));
        Assert.Equal(lastOfOne, changes.Messages[1]);
        Assert.Equal(7L, changes.LastVersion);
    }

    [DatabaseFact]
    public async Task GetChangesAfterAsync_InPages_EndsAtTheThreadsLastVersion_WithNothingMissedOrRepeated()
    {
        var (ann, bob, _, group) = await GroupAsync();
        var sent = new List<ChatMessage>();
        for (var i = 0; i < 7; i++)
        {
            sent.Add(await Db.SendAsync(i % 2 == 0 ? ann : bob, group, $"m{i}", Ct));
        }
        await Db.Changes.DeleteAsync(ann.Id, group, sent[0].Id, Ct);
        await Db.Changes.EditAsync(bob.Id, group, sent[3].Id, "m3 edited", Ct);

        var pages = new List<MessageChanges>();
        var after = 0L;
        do
        {
            pages.Add(await Db.Messages.GetChangesAfterAsync(ann.Id, group, after, 3, Ct));
            after = pages[^1].LastVersion;
        }
        while (pages[^1].Messages.Count == 3);

        var all = pages.SelectMany(p => p.Messages).ToList();
        Assert.Equal(7, all.Count);
        Assert.Equal(7, all.DistinctBy(m => m.Id).Count());
        Assert.Equal(all.Select(m => m.Version).Order(), all.Select(m => m.Version));
        // Versions 2, 3, 5, 6, 7 (sends), 8 (m0 deleted), 9 (m3 edited): a full page ends at its last message.
        Assert.Equal([5L, 8L, 9L], pages.Select(p => p.LastVersion));
        Assert.Equal(9L, (await ThreadRowAsync(group)).LastVersion);
        Assert.Equal(("", "m3 edited"), (all.Single(m => m.Id == sent[0].Id).Body, all.Single(m => m.Id == sent[3].Id).Body));
    }

    [DatabaseFact]
    public async Task GetChangesAfterAsync_CaughtUp_IsEmptyWithTheThreadsLastVersion()
    {
        var (ann, _, _, group) = await GroupAsync();
        var sent = await Db.SendAsync(ann, group, "only", Ct);

        var changes = await Db.Messages.GetChangesAfterAsync(ann.Id, group, sent.Version, 50, Ct);
        var fromTheStart = await Db.Messages.GetChangesAfterAsync(ann.Id, group, 0, 50, Ct);

        Assert.Empty(changes.Messages);
        Assert.Equal(sent.Version, changes.LastVersion);
        Assert.Equal(sent, Assert.Single(fromTheStart.Messages));
        Assert.Equal(sent.Version, fromTheStart.LastVersion);
    }

    [DatabaseTheory]
    [InlineData(-1L, 10, "afterVersion cannot be negative.")]
    [InlineData(0L, 0, "The page size must be between 1 and 100.")]
    public async Task GetChangesAfterAsync_BadArguments_AreInvalid(long afterVersion, int limit, string expected)
    {
        var (ann, _, _, group) = await GroupAsync();

        var refusal = await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Messages.GetChangesAfterAsync(ann.Id, group, afterVersion, limit, Ct));

        Assert.Equal(expected, refusal.Message);
    }

    [DatabaseFact]
    public async Task GetChangesAfterAsync_ALimitAboveTheMaximum_IsClampedTo100()
    {
        var (ann, _, _, group) = await GroupAsync();
        for (var i = 0; i < 101; i++)
        {
            await Db.SendAsync(ann, group, $"m{i}", Ct);
        }

        var changes = await Db.Messages.GetChangesAfterAsync(ann.Id, group, 0, 500, Ct);

        Assert.Equal(100, changes.Messages.Count);
        Assert.Equal(100L, changes.LastVersion);
    }
}
