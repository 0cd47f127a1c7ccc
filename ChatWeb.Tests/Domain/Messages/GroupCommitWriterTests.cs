using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace ChatWeb.Tests.Domain.Messages;

/// <summary>The writer is the host's to start and stop: nothing is sent before it runs, nothing queued is dropped when it stops.</summary>
public sealed class GroupCommitWriterTests : DomainTest
{
    [Fact]
    public async Task StoreAsync_BeforeTheHostStartsTheWriter_ThrowsSayingSo()
    {
        using var writer = new GroupCommitWriter(Db.Service<IMessageStore>(), Db.Clock, NullLogger<GroupCommitWriter>.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.StoreAsync("someone", Guid.NewGuid(), "c-1", "hello", null, Ct));

        Assert.Contains("has not started", error.Message);
    }

    [Fact]
    public async Task StopAsync_StoresAndAnswersEverySendQueuedBeforeIt_AndLaterSendsAreNotStored()
    {
        var people = await Db.CreateUsersAsync([("Ann", null), ("Bob", null)], Ct);
        var thread = await Db.Conversations.OpenDirectAsync(people[0].Id, people[1].UserName, Ct);
        var writer = Db.Service<GroupCommitWriter>();

        var queued = Enumerable.Range(0, 30).Select(i => Db.Messages.SendAsync(people[0].Id, thread.Id, $"c-{i}", $"message {i}", Ct)).ToList();
        await writer.StopAsync(Ct);
        var late = await ChatAssert.RefusedAsync(ChatErrorKind.Unavailable, () => Db.Messages.SendAsync(people[0].Id, thread.Id, "late", "too late", Ct));

        var acks = await Task.WhenAll(queued);
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), acks.Select(a => a.Seq).Order());
        Assert.Contains("Send it again", late.Message);
        await using var db = await Db.OpenAsync(Ct);
        Assert.Equal(30, await db.Messages.CountAsync(m => m.ThreadId == thread.Id, Ct));
    }
}
