using ChatWeb.Domain.Chat;
using ChatWeb.Hubs;
using ChatWeb.Tests.Components.Fakes;
using Xunit;

namespace ChatWeb.Tests.Integration.Hub;

/// <summary>At most one ReadUpTo per reader and thread per second, and the latest mark always goes.</summary>
public sealed class ReadUpToCoalescerTests : IDisposable
{
    private static readonly Guid Thread = Guid.CreateVersion7();
    private readonly ManualTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly List<(ReadUpTo Read, IReadOnlyCollection<string> To)> sent = [];
    private readonly ReadUpToCoalescer coalescer;

    public ReadUpToCoalescerTests()
    {
        coalescer = new ReadUpToCoalescer(clock, (read, to) =>
        {
            lock (sent)
            {
                sent.Add((read, to));
            }
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task OfferAsync_FirstMark_GoesAtOnce()
    {
        await coalescer.OfferAsync(Mark("ann", 3), ["bob"]);

        var only = Assert.Single(sent);
        Assert.Equal(Mark("ann", 3), only.Read);
        Assert.Equal(["bob"], only.To);
    }

    [Fact]
    public async Task OfferAsync_MarksWithinTheInterval_OnlyTheHighestGoesWhenItEnds()
    {
        await coalescer.OfferAsync(Mark("ann", 1), ["bob"]);
        clock.Advance(TimeSpan.FromMilliseconds(200));
        await coalescer.OfferAsync(Mark("ann", 2), ["bob"]);
        await coalescer.OfferAsync(Mark("ann", 5), ["bob"]);
        await coalescer.OfferAsync(Mark("ann", 4), ["bob", "cy"]);

        clock.Advance(TimeSpan.FromMilliseconds(799));
        var beforeTheInterval = sent.Count;
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(1, beforeTheInterval);
        Assert.Equal([1L, 5L], sent.Select(s => s.Read.Seq));
        Assert.Equal(["bob", "cy"], sent[1].To);
    }

    [Fact]
    public async Task OfferAsync_JustAfterAWaitedMark_WaitsAFullIntervalAgain()
    {
        await coalescer.OfferAsync(Mark("ann", 1), ["bob"]);
        await coalescer.OfferAsync(Mark("ann", 2), ["bob"]);
        clock.Advance(TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromMilliseconds(500));

        await coalescer.OfferAsync(Mark("ann", 3), ["bob"]);
        var halfway = sent.Count;
        clock.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Equal(2, halfway);
        Assert.Equal([1L, 2L, 3L], sent.Select(s => s.Read.Seq));
    }

    [Fact]
    public async Task OfferAsync_AfterAQuietInterval_GoesAtOnce()
    {
        await coalescer.OfferAsync(Mark("ann", 1), ["bob"]);
        clock.Advance(TimeSpan.FromSeconds(1));

        await coalescer.OfferAsync(Mark("ann", 2), ["bob"]);

        Assert.Equal([1L, 2L], sent.Select(s => s.Read.Seq));
    }

    [Fact]
    public async Task OfferAsync_OtherReadersAndThreads_AreNotHeldBack()
    {
        await coalescer.OfferAsync(Mark("ann", 1), ["bob"]);

        await coalescer.OfferAsync(Mark("bob", 1), ["ann"]);
        await coalescer.OfferAsync(new ReadUpTo(Guid.CreateVersion7(), "ann", 7), ["cy"]);

        Assert.Equal(3, sent.Count);
    }

    public void Dispose() => coalescer.Dispose();

    private static ReadUpTo Mark(string userName, long seq) => new(Thread, userName, seq);
}
