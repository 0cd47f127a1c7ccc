using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ChatWeb.Tests.Domain.Messages;

/// <summary>
/// A batch that fails (a deadlock victim, a broken statement, a store that cannot be reached) on the
/// real SQLite store, with the failure put in at the port: every send is stored exactly once or
/// answered with an error that says to send it again with the same client message id; nothing
/// acknowledged is lost and nothing is half-written.
/// </summary>
public sealed class StoreFailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Send_WhoseBatchIsADeadlockVictimOnce_IsStoredOnTheRetry_WithoutGapOrDuplicate()
    {
        FailingMessageStore? store = null;
        await using var db = await DomainTestDatabase.CreateAsync(Ct, DatabaseProvider.Sqlite, s => store = new FailingMessageStore(s)
        {
            // SQLite's own "busy": the transient kind, as SQL Server's deadlock victim (1205) is.
            FailCommit = n => n == 1 ? new SqliteException("database is locked", 5) : null,
        });
        var (sender, group) = await GroupAsync(db);

        var acks = await Concurrently.RunAsync(20, i => db.Messages.SendAsync(sender.Id, group, $"c-{i}", $"message {i}", Ct));

        Assert.True(store!.Commits >= 2);
        await AssertStoredOnceWithoutGapsAsync(db, group, acks.Length);
    }

    [Fact]
    public async Task Send_WhoseBatchFailsHalfWritten_IsRolledBackWhole_AndEverySendIsStoredOnce()
    {
        FailingMessageStore? store = null;
        await using var db = await DomainTestDatabase.CreateAsync(Ct, DatabaseProvider.Sqlite, s => store = new FailingMessageStore(s)
        {
            // The first commit's thread advance runs, then one of its messages breaks the
            // (ThreadId, Seq) key inside SQLite: the advance must not survive the failure.
            Rewrite = (n, writes) => n == 1 ? writes with { Messages = [.. writes.Messages, Copy(writes.Messages[0])] } : writes,
        });
        var (sender, group) = await GroupAsync(db);

        var acks = await Concurrently.RunAsync(20, i => db.Messages.SendAsync(sender.Id, group, $"c-{i}", $"message {i}", Ct));

        Assert.True(store!.Commits >= 2);
        await AssertStoredOnceWithoutGapsAsync(db, group, acks.Length);
    }

    [Fact]
    public async Task Send_WhileEveryCommitFails_IsAnsweredNotStored_WritesNothing_AndItsRetryStoresItOnce()
    {
        var healed = false;
        await using var db = await DomainTestDatabase.CreateAsync(Ct, DatabaseProvider.Sqlite, s => new FailingMessageStore(s)
        {
            FailCommit = _ => Volatile.Read(ref healed) ? null : new IOException("The disk is gone."),
        });
        var (sender, group) = await GroupAsync(db);
        var before = await db.StateAsync(Ct);

        var attempts = await Concurrently.RunAsync(10, i => Outcome(db.Messages.SendAsync(sender.Id, group, $"c-{i}", $"message {i}", Ct)));
        var afterFailures = await db.StateAsync(Ct);
        Volatile.Write(ref healed, true);
        var retries = await Concurrently.RunAsync(10, i => db.Messages.SendAsync(sender.Id, group, $"c-{i}", $"message {i}", Ct));

        Assert.All(attempts, a =>
        {
            var refusal = Assert.IsType<ChatException>(a);
            Assert.Equal(ChatErrorKind.Unavailable, refusal.Kind);
            Assert.Contains("Send it again with the same client message id", refusal.Message);
        });
        ChatAssert.Unchanged(before, afterFailures);
        await AssertStoredOnceWithoutGapsAsync(db, group, retries.Length);
    }

    [Fact]
    public async Task Send_WhenTheStoreCannotBeOpened_IsAnsweredNotStored_AndStoredOnceItCanBe()
    {
        var opens = 0;
        await using var db = await DomainTestDatabase.CreateAsync(Ct, DatabaseProvider.Sqlite, s => new FailingMessageStore(s)
        {
            FailOpen = n => (opens = n) == 1 ? new IOException("Cannot reach the database.") : null,
        });
        var (sender, group) = await GroupAsync(db);

        var refusal = await ChatAssert.RefusedAsync(ChatErrorKind.Unavailable, () => db.Messages.SendAsync(sender.Id, group, "c-1", "hello", Ct));
        var retry = await db.Messages.SendAsync(sender.Id, group, "c-1", "hello", Ct);

        Assert.IsType<IOException>(refusal.InnerException);
        Assert.Equal((1L, 2), (retry.Seq, opens));
    }

    private static async Task<Exception?> Outcome(Task send)
    {
        try
        {
            await send;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static Message Copy(Message m) => new()
    {
        Id = Guid.NewGuid(), ThreadId = m.ThreadId, Seq = m.Seq, SenderId = m.SenderId, Body = m.Body, ClientMessageId = m.ClientMessageId + "-copy", SentAt = m.SentAt,
    };

    private static async Task<(TestUser Sender, Guid Group)> GroupAsync(DomainTestDatabase db)
    {
        var people = await db.CreateUsersAsync([("Ann", null), ("Bob", null)], Ct);
        var group = await db.Conversations.CreateGroupAsync(people[0].Id, "Failures", [people[1].UserName], Ct);
        return (people[0], group.Id);
    }

    /// <summary>Exactly one row per client message id, seqs 1..N, and the thread's last seq at N.</summary>
    private static async Task AssertStoredOnceWithoutGapsAsync(DomainTestDatabase db, Guid threadId, int count)
    {
        await using var context = await db.OpenAsync(Ct);
        var rows = await context.Messages.Where(m => m.ThreadId == threadId).OrderBy(m => m.Seq).ToListAsync(Ct);
        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), rows.Select(r => r.Seq));
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"c-{i}").Order(), rows.Select(r => r.ClientMessageId).Order());
        Assert.Equal(count, await context.Threads.Where(t => t.Id == threadId).Select(t => t.LastSeq).SingleAsync(Ct));
    }
}
