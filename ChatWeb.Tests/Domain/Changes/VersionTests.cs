using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ChatWeb.Tests.Domain.Changes;

/// <summary>Every change to a thread's messages takes the thread's next version: gapless, per thread, in commit order.</summary>
public class VersionTests : ChangeTest
{
    [DatabaseFact]
    public async Task Versions_SendsEditsReactionsAndDeletes_CountOnWithoutGapsPerThread()
    {
        var (ann, bob, _, group) = await GroupAsync();
        var other = (await Db.Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct)).Id;

        var one = await Db.SendAsync(ann, group, "one", Ct);
        var two = await Db.SendAsync(bob, group, "two", Ct);
        var elsewhere = await Db.SendAsync(ann, other, "elsewhere", Ct);
        var edited = await Db.Changes.EditAsync(ann.Id, group, one.Id, "one, edited", Ct);
        var reacted = await Db.Changes.ReactAsync(ann.Id, group, two.Id, "👍", true, Ct);
        var three = await Db.SendAsync(bob, group, "three", Ct);
        var deleted = await Db.Changes.DeleteAsync(bob.Id, group, two.Id, Ct);
        var unreacted = await Db.Changes.ReactAsync(ann.Id, group, one.Id, "🎉", true, Ct);

        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L, 7L], new[] { one, two, edited, reacted, three, deleted, unreacted }.Select(m => m.Version));
        Assert.Equal(1L, elsewhere.Version);
        Assert.Equal((7L, 3L), await VersionAndSeqAsync(group));
        Assert.Equal((1L, 1L), await VersionAndSeqAsync(other));
        await using var db = await Db.OpenAsync(Ct);
        // Each message keeps the version of its last change: one at 7, two at 6, three at 5.
        Assert.Equal([5L, 6L, 7L], await VersionsAsync(db, group));
        Assert.Equal(7L, (await Db.Conversations.GetThreadAsync(bob.Id, group, Ct)).LastVersion);
    }

    [DatabaseFact]
    public async Task Versions_RefusalsAndRepeatedChanges_TakeNone()
    {
        var (ann, bob, _, group) = await GroupAsync();
        var message = await Db.SendAsync(ann, group, "hello", Ct);
        await Db.Changes.ReactAsync(bob.Id, group, message.Id, "👍", true, Ct);
        Db.Notifier.Clear();
        var before = await Db.StateAsync(Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.Forbidden, () => Db.Changes.EditAsync(bob.Id, group, message.Id, "mine now", Ct));
        await ChatAssert.RefusedAsync(ChatErrorKind.Forbidden, () => Db.Changes.DeleteAsync(bob.Id, group, message.Id, Ct));
        await ChatAssert.RefusedAsync(ChatErrorKind.NotFound, () => Db.Changes.EditAsync(ann.Id, group, Guid.NewGuid(), "what?", Ct));
        var sameText = await Db.Changes.EditAsync(ann.Id, group, message.Id, "hello", Ct);
        var sameReaction = await Db.Changes.ReactAsync(bob.Id, group, message.Id, "👍", true, Ct);
        var absentReaction = await Db.Changes.ReactAsync(ann.Id, group, message.Id, "👍", false, Ct);

        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
        Assert.All(new[] { sameText, sameReaction, absentReaction }, m => Assert.Equal(2L, m.Version));
        Assert.Equal(0, Db.Notifier.Count);
        Assert.Equal(3L, (await Db.Changes.ReactAsync(ann.Id, group, message.Id, "👀", true, Ct)).Version);
    }

    [DatabaseFact]
    public async Task Versions_ConcurrentEditsReactionsAndSends_AreGaplessAndEndInOneState()
    {
        var (ann, bob, cy, group) = await GroupAsync();
        var target = await Db.SendAsync(ann, group, "draft", Ct);
        var people = new[] { ann, bob, cy };
        string[] emoji = ["👍", "🎉", "😀", "❤️", "👀"];

        var results = await Concurrently.RunAsync(30, i => (i % 3) switch
        {
            0 => Db.Changes.EditAsync(ann.Id, group, target.Id, $"edit {i}", Ct),
            1 => Db.Changes.ReactAsync(people[(i / 3) % 3].Id, group, target.Id, emoji[(i / 3) % emoji.Length], true, Ct),
            _ => Db.SendAsync(people[i % people.Length], group, $"send {i}", Ct),
        });

        await using var db = await Db.OpenAsync(Ct);
        var thread = await db.Threads.AsNoTracking().SingleAsync(t => t.Id == group, Ct);
        var reactionRows = await db.Reactions.CountAsync(r => r.MessageId == target.Id, Ct);
        // The draft took version 1; every call after it took exactly one (no reaction repeats: each person-emoji pair is new).
        Assert.Equal(1 + 30, thread.LastVersion);
        Assert.Equal(Enumerable.Range(2, 30).Select(v => (long)v), results.Select(m => m.Version).Order());
        var finalEdit = results.Where(m => m.Id == target.Id && m.EditedAt is not null).MaxBy(m => m.Version)!;
        var now = await Db.Messages.GetChangesAfterAsync(bob.Id, group, 0, 100, Ct);
        var stored = Assert.Single(now.Messages, m => m.Id == target.Id);
        Assert.Equal(results.Where(m => m.Id == target.Id).Max(m => m.Version), stored.Version);
        Assert.Equal(finalEdit.Body, stored.Body);
        Assert.Equal(10, reactionRows);
        Assert.Equal(10, stored.Reactions.Sum(r => r.Count));
        Assert.Equal(now.Messages.Select(m => m.Version).Order(), (await VersionsAsync(db, group)));
        Assert.Equal(thread.LastVersion, now.LastVersion);
    }

    private async Task<(long Version, long Seq)> VersionAndSeqAsync(Guid threadId)
    {
        var thread = await ThreadRowAsync(threadId);
        return (thread.LastVersion, thread.LastSeq);
    }
}
