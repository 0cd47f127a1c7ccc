using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Domain.Infrastructure;
using Xunit;

namespace ChatWeb.Tests.Domain.Messages;

/// <summary>
/// Message ids are version 7 (time-ordered) like <see cref="Guid.CreateVersion7()"/>, but their random
/// bits come from a buffer instead of a system call each.
/// </summary>
public sealed class MessageIdTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void NewId_IsVersion7_WithTheSendTimeAndTheStandardVariant()
    {
        var sentAt = new DateTime(2026, 11, 28, 9, 30, 15, 123, DateTimeKind.Utc).AddTicks(4_567);

        var id = MessageIds.NewId(sentAt);

        Assert.Equal(7, id.Version);
        Assert.Equal(0b10, id.Variant >> 2);
        // The first 48 bits are the Unix time in milliseconds, exactly as the framework writes them.
        Assert.Equal(TimestampOf(Guid.CreateVersion7(new DateTimeOffset(sentAt))), TimestampOf(id));
    }

    [Fact]
    public void NewId_StaysUniqueAndOrderedByTime_AcrossManyRefillsOfItsRandomBits()
    {
        var start = new DateTime(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc);
        var ids = Enumerable.Range(0, 2_000).Select(i => MessageIds.NewId(start.AddMilliseconds(i))).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids.Select(TimestampOf).Order(StringComparer.Ordinal), ids.Select(TimestampOf));
        // Random bits differ even within one millisecond.
        Assert.NotEqual(MessageIds.NewId(start), MessageIds.NewId(start));
    }

    [Fact]
    public async Task SendAsync_StoresAVersion7IdCarryingTheMessagesSendTime()
    {
        await using var store = await DomainTestDatabase.CreateAsync(Ct);
        var people = await store.CreateUsersAsync([("Ann", null), ("Bob", null)], Ct);
        var thread = await store.Conversations.OpenDirectAsync(people[0].Id, people[1].UserName, Ct);

        var first = await store.SendAsync(people[0], thread.Id, "first", Ct);
        store.Clock.Advance(TimeSpan.FromSeconds(3));
        var second = await store.SendAsync(people[1], thread.Id, "second", Ct);

        foreach (var message in new[] { first, second })
        {
            Assert.Equal(7, message.Id.Version);
            Assert.Equal(TimestampOf(Guid.CreateVersion7(new DateTimeOffset(message.SentAt))), TimestampOf(message.Id));
        }
        Assert.True(string.CompareOrdinal(TimestampOf(first.Id), TimestampOf(second.Id)) < 0);
    }

    private static string TimestampOf(Guid id) => id.ToString("N")[..12];
}
