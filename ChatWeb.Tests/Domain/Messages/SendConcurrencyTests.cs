using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ChatWeb.Tests.Domain.Messages;

public class SendConcurrencyTests : DomainTest
{
    [DatabaseFact]
    public async Task SendAsync_FiftyConcurrentSendsFromDifferentMembers_GivesSeqsOneToFiftyWithoutGapOrDuplicate()
    {
        var people = await Db.CreateUsersAsync([("Owner", null), ("Ann", null), ("Bob", null), ("Cy", null), ("Dee", null)], Ct);
        var group = await Db.Conversations.CreateGroupAsync(people[0].Id, "Load", people.Skip(1).Select(p => p.UserName).ToList(), Ct);

        var acks = await Concurrently.RunAsync(50, i =>
            Db.Messages.SendAsync(people[i % people.Count].Id, group.Id, $"client-{i}", $"message {i}", Ct));

        var oneToFifty = Enumerable.Range(1, 50).Select(i => (long)i).ToList();
        Assert.Equal(oneToFifty, acks.Select(m => m.Seq).Order());
        Assert.Equal(50, acks.Select(m => m.Id).Distinct().Count());
        await using var db = await Db.OpenAsync(Ct);
        Assert.Equal(oneToFifty, await db.Messages.Where(m => m.ThreadId == group.Id).OrderBy(m => m.Seq).Select(m => m.Seq).ToListAsync(Ct));
        Assert.Equal(50, await db.Threads.Where(t => t.Id == group.Id).Select(t => t.LastSeq).SingleAsync(Ct));
    }

    [DatabaseFact]
    public async Task SendAsync_FiftyConcurrentSends_EachAckMatchesTheStoredRowAndIsAnnouncedOnce()
    {
        var people = await Db.CreateUsersAsync([("Owner", null), ("Ann", null)], Ct);
        var group = await Db.Conversations.CreateGroupAsync(people[0].Id, "Load", [people[1].UserName], Ct);
        Db.Notifier.Clear();

        var acks = await Concurrently.RunAsync(50, i =>
            Db.Messages.SendAsync(people[i % 2].Id, group.Id, $"client-{i}", $"message {i}", Ct));

        await using var db = await Db.OpenAsync(Ct);
        var stored = await db.Messages.Where(m => m.ThreadId == group.Id).ToDictionaryAsync(m => m.Id, Ct);
        for (var i = 0; i < acks.Length; i++)
        {
            var row = stored[acks[i].Id];
            Assert.Equal((acks[i].Seq, $"message {i}", people[i % 2].Id, $"client-{i}"), (row.Seq, row.Body, row.SenderId, row.ClientMessageId));
            Assert.Equal(people[i % 2].UserName, acks[i].Sender);
        }
        Assert.Equal(acks.Select(a => a.Id).Order(), Db.Notifier.MessagesStored.Select(e => e.Message.Id).Order());
    }
}
