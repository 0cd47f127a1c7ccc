using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Data.Sqlite;
using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ChatWeb.Tests.Domain.Messages;

/// <summary>
/// On a write-ahead log the SQLite writer commits without flushing and a thread of its own flushes
/// before anyone is answered: a send is acknowledged only once its commit is on disk.
/// </summary>
public sealed class CommitFlushTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Send_IsCommittedBeforeTheFlush_ButAnsweredAndAnnouncedOnlyAfterIt()
    {
        var gate = new FlushGate();
        await using var store = await GatedAsync(gate);
        var people = await store.CreateUsersAsync([("Ann", null), ("Bob", null)], Ct);
        var thread = await store.Conversations.OpenDirectAsync(people[0].Id, people[1].UserName, Ct);
        store.Notifier.Clear();

        var send = store.SendAsync(people[0], thread.Id, "held at the flush", Ct);
        await gate.Reached.WaitAsync(Ct);
        await using (var db = await store.OpenAsync(Ct))
        {
            Assert.Equal(1, await db.Messages.CountAsync(m => m.ThreadId == thread.Id, Ct));
        }
        Assert.False(send.IsCompleted);
        Assert.Equal(0, store.Notifier.Count);

        gate.Open();
        var stored = await send;

        Assert.Equal(1, stored.Seq);
        Assert.Equal(stored, Assert.Single(store.Notifier.MessagesStored).Message);
    }

    [Fact]
    public async Task Send_WhoseFlushFails_IsNotAcknowledged_AndItsRetryAnswersWithTheStoredMessage()
    {
        var gate = new FlushGate { FailNext = true };
        gate.Open();
        await using var store = await GatedAsync(gate);
        var people = await store.CreateUsersAsync([("Ann", null), ("Bob", null)], Ct);
        var thread = await store.Conversations.OpenDirectAsync(people[0].Id, people[1].UserName, Ct);

        var failed = await ChatAssert.RefusedAsync(ChatErrorKind.Unavailable, () => store.Messages.SendAsync(people[0].Id, thread.Id, "c-1", "hello", Ct));
        var retry = await store.Messages.SendAsync(people[0].Id, thread.Id, "c-1", "hello", Ct);

        Assert.Contains("Send it again with the same client message id", failed.Message);
        Assert.IsType<FlushGate.DiskFailure>(failed.InnerException);
        Assert.Equal((1L, "hello"), (retry.Seq, retry.Body));
        await using var db = await store.OpenAsync(Ct);
        Assert.Equal(1, await db.Messages.CountAsync(m => m.ThreadId == thread.Id, Ct));
    }

    [Fact]
    public async Task Flusher_AnswersBatchesCommittedDuringAFlushWithOneMoreFlush_InCommitOrder()
    {
        var gate = new FlushGate();
        var answered = new List<string>();
        using (var flusher = new CommitFlusher(() => gate.Flush("unused")))
        {
            var first = Batch("first");
            flusher.Answer(first.Answer);
            await gate.Reached.WaitAsync(Ct);
            var later = Enumerable.Range(1, 3).Select(i => Batch($"later {i}")).ToList();
            later.ForEach(b => flusher.Answer(b.Answer));
            Assert.All(later.Append(first), b => Assert.False(b.Sends[0].Result.IsCompleted));

            gate.Open();
            foreach (var batch in later.Prepend(first))
            {
                answered.Add((await batch.Sends[0].Result).Message.Body);
            }
        }

        Assert.Equal(["first", "later 1", "later 2", "later 3"], answered);
        Assert.Equal(2, gate.Flushes);
    }

    [Fact]
    public async Task Flusher_WhoseFlushFails_FailsTheStoredSends_AndLeavesRefusalsTheirOwnError()
    {
        var gate = new FlushGate { FailNext = true };
        gate.Open();
        var refused = ChatException.ThreadNotFound();
        var sends = new[] { Send(), Send() };
        using (var flusher = new CommitFlusher(() => gate.Flush("unused")))
        {
            flusher.Answer(new CommittedBatch(sends, [Stored("kept"), refused]).Answer);
        }

        var error = await Assert.ThrowsAsync<ChatException>(() => sends[0].Result);
        Assert.Equal(ChatErrorKind.Unavailable, error.Kind);
        Assert.IsType<FlushGate.DiskFailure>(error.InnerException);
        Assert.Same(refused, await Assert.ThrowsAsync<ChatException>(() => sends[1].Result));
    }

    /// <summary>A SQLite database whose writer flushes its log through the gate first.</summary>
    private static Task<DomainTestDatabase> GatedAsync(FlushGate gate) =>
        DomainTestDatabase.CreateAsync(Ct, DatabaseProvider.Sqlite, store => ((SqliteMessageStore)store).FlushingWith(path =>
        {
            gate.Flush(path);
            DatabaseFileFlusher.FlushLog(path);
        }));

    private static CommittedBatch Batch(string body) => new([Send()], [Stored(body)]);

    private static PendingSend Send() => new("user", Guid.Empty, Guid.NewGuid().ToString(), "body");

    private static SendOutcome Stored(string body) =>
        new StoredMessage(new ChatMessage(Guid.NewGuid(), Guid.Empty, 1, "ann", "Ann", body, DateTime.UtcNow, "c"), true);

    /// <summary>A flush that waits until the test opens it, and can fail once, as a disk would.</summary>
    private sealed class FlushGate
    {
        private readonly ManualResetEventSlim open = new();
        private int flushes;

        public sealed class DiskFailure() : IOException("The disk refused the flush.");

        public SemaphoreSlim Reached { get; } = new(0);
        public bool FailNext { get; set; }
        public int Flushes => Volatile.Read(ref flushes);

        public void Open() => open.Set();

        public void Flush(string path)
        {
            Interlocked.Increment(ref flushes);
            Reached.Release();
            open.Wait(TimeSpan.FromSeconds(30));
            if (FailNext)
            {
                FailNext = false;
                throw new DiskFailure();
            }
        }
    }
}
