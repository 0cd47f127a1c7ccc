using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ChatWeb.Tests.Domain.Messages;

/// <summary>
/// SQLite's message store writes rows with its own prepared statements on its own connection,
/// outside EF: what it stores must read back through EF exactly as EF would have stored it.
/// </summary>
public sealed class SendStorageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendAsync_StoresIdsAndTimesThatReadBackExactly()
    {
        await using var store = await DomainTestDatabase.CreateAsync(Ct);
        var people = await store.CreateUsersAsync([("Ann", null), ("Bob", null)], Ct);
        var thread = await store.Conversations.OpenDirectAsync(people[0].Id, people[1].UserName, Ct);
        // A time with every fractional digit EF keeps, then one on a whole second (EF drops the fraction there).
        store.Clock.Advance(TimeSpan.FromTicks(1_234_567));
        var precise = await store.Messages.SendAsync(people[0].Id, thread.Id, "precise", "first", Ct);
        store.Clock.Advance(TimeSpan.FromTicks(TimeSpan.TicksPerSecond - 1_234_567));
        var whole = await store.Messages.SendAsync(people[1].Id, thread.Id, "whole", "second", Ct);

        await using var db = await store.OpenAsync(Ct);
        var rows = await db.Messages.AsNoTracking().Where(m => m.ThreadId == thread.Id).OrderBy(m => m.Seq).ToListAsync(Ct);
        Assert.Equal([(precise.Id, precise.SentAt), (whole.Id, whole.SentAt)], rows.Select(r => (r.Id, r.SentAt)));
        Assert.Equal(TestClock.Start.AddTicks(1_234_567), precise.SentAt);
        Assert.Equal(TestClock.Start.AddSeconds(1), whole.SentAt);
        // As text too: SQLite compares and orders these columns as strings, so the format must be EF's own.
        var texts = await db.Database.SqlQueryRaw<string>(
            "SELECT \"SentAt\" AS \"Value\" FROM \"Messages\" ORDER BY \"Seq\"").ToListAsync(Ct);
        Assert.Equal(["2026-03-02 09:00:00.1234567", "2026-03-02 09:00:01"], texts);
        var stored = await db.Threads.AsNoTracking().SingleAsync(t => t.Id == thread.Id, Ct);
        Assert.Equal((2L, whole.SentAt, "second", people[1].Id), (stored.LastSeq, stored.LastMessageAt, stored.LastMessagePreview, stored.LastMessageSenderId));

        // A retry reads the stored row back through the send path's own look-up.
        var retry = await store.Messages.SendAsync(people[0].Id, thread.Id, "precise", "first", Ct);
        Assert.Equal(precise, retry);
        Assert.Equal(DateTimeKind.Utc, retry.SentAt.Kind);
    }

    [Fact]
    public async Task SendAsync_WritesThroughTheStoresOwnConnection_NotThroughEf()
    {
        await using var store = await DomainTestDatabase.CreateAsync(Ct);
        var people = await store.CreateUsersAsync([("Ann", null), ("Bob", null)], Ct);
        var thread = await store.Conversations.OpenDirectAsync(people[0].Id, people[1].UserName, Ct);
        store.Commands.Clear();

        var sent = await store.SendAsync(people[0], thread.Id, "hello", Ct);

        Assert.Equal(1, sent.Seq);
        Assert.DoesNotContain(store.Commands.Commands, c => c.Contains("\"Messages\"", StringComparison.Ordinal));
    }
}
