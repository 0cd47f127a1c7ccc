using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Domain.Infrastructure;
using Xunit;

namespace ChatWeb.Tests.Domain.Messages;

/// <summary>MessageService applies the allowance to every send before anything is queued or stored.</summary>
public sealed class SendQuotaEnforcementTests : DomainTest
{
    [Fact]
    public async Task SendAsync_OverTheAllowance_TooFastAndNothingStored()
    {
        var people = await Db.CreateUsersAsync([("Ann", null), ("Bob", null)], Ct);
        var thread = await Db.Conversations.OpenDirectAsync(people[0].Id, people[1].UserName, Ct);
        var messages = new MessageService(
            Db.Service<IMessageStore>(), Db.Service<GroupCommitWriter>(), Db.Notifier, SendQuotaTests.Quota(Db.Clock, burst: 2, perSecond: 1));
        await messages.SendAsync(people[0].Id, thread.Id, "c1", "one", Ct);
        await messages.SendAsync(people[0].Id, thread.Id, "c2", "two", Ct);
        var before = await Db.StateAsync(Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.TooFast, () => messages.SendAsync(people[0].Id, thread.Id, "c3", "three", Ct));

        ChatAssert.Unchanged(before, await Db.StateAsync(Ct));
        Db.Clock.Advance(TimeSpan.FromSeconds(1));
        var later = await messages.SendAsync(people[0].Id, thread.Id, "c3", "three", Ct);
        Assert.Equal(3, later.Seq);
    }
}
