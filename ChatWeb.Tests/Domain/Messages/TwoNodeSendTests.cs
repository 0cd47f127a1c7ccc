using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ChatWeb.Tests.Domain.Messages;

/// <summary>
/// Two nodes on one database, each with its own group-commit writer, as two web nodes behind a
/// load balancer: what one thread receives from both stays gapless and exactly once.
/// </summary>
public class TwoNodeSendTests : DomainTest
{
    [DatabaseFact]
    public async Task SendAsync_FromTwoNodesToOneThread_GivesConsecutiveSeqsWithoutGapOrDuplicate()
    {
        var people = await Db.CreateUsersAsync([("Owner", null), ("Ann", null), ("Bob", null)], Ct);
        var group = await Db.Conversations.CreateGroupAsync(people[0].Id, "Two nodes", [people[1].UserName, people[2].UserName], Ct);
        var nodes = new[] { Db.Messages, await Db.StartNodeAsync(Ct) };

        var acks = await Concurrently.RunAsync(60, i =>
            nodes[i % 2].SendAsync(people[i % 3].Id, group.Id, $"client-{i}", $"message {i}", Ct));

        var oneToSixty = Enumerable.Range(1, 60).Select(i => (long)i).ToList();
        Assert.Equal(oneToSixty, acks.Select(a => a.Seq).Order());
        await using var db = await Db.OpenAsync(Ct);
        var stored = await db.Messages.Where(m => m.ThreadId == group.Id).OrderBy(m => m.Seq).ToListAsync(Ct);
        Assert.Equal(oneToSixty, stored.Select(m => m.Seq));
        Assert.Equal(acks.Select(a => (a.Id, a.Seq, a.Body)).Order(), stored.Select(m => (m.Id, m.Seq, m.Body)).Order());
        Assert.Equal(60, await db.Threads.Where(t => t.Id == group.Id).Select(t => t.LastSeq).SingleAsync(Ct));
    }

    [DatabaseFact]
    public async Task SendAsync_TheSameRetryOnBothNodesAtOnce_StoresOneMessageAndAnswersBothWithIt()
    {
        var people = await Db.CreateUsersAsync([("Ann", null), ("Bob", null)], Ct);
        var thread = await Db.Conversations.OpenDirectAsync(people[0].Id, people[1].UserName, Ct);
        var nodes = new[] { Db.Messages, await Db.StartNodeAsync(Ct) };

        var acks = await Concurrently.RunAsync(16, i => nodes[i % 2].SendAsync(people[0].Id, thread.Id, "same-id", "only once", Ct));

        Assert.Single(acks.Select(a => (a.Id, a.Seq)).Distinct());
        await using var db = await Db.OpenAsync(Ct);
        Assert.Equal(1, await db.Messages.CountAsync(m => m.ThreadId == thread.Id, Ct));
        Assert.Equal(1, await db.Threads.Where(t => t.Id == thread.Id).Select(t => t.LastSeq).SingleAsync(Ct));
    }
}
