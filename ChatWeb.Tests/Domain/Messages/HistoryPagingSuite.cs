using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Domain.Infrastructure;
using Xunit;

namespace ChatWeb.Tests.Domain.Messages;

/// <summary>Paging edges over threads of 0, 100 and 101 messages, on the database the fixture made.</summary>
public abstract class HistoryPagingSuite<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : HistoryFixture
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private MessageService Messages => fixture.Db.Messages;
    private string Ann => fixture.Ann.Id;

    [DatabaseFact]
    public async Task GetBeforeAsync_EmptyThread_ReturnsNothing()
    {
        var page = await Messages.GetBeforeAsync(Ann, fixture.EmptyThread, null, null, Ct);

        Assert.Empty(page);
    }

    [DatabaseFact]
    public async Task GetAfterAsync_EmptyThread_ReturnsNothing()
    {
        var page = await Messages.GetAfterAsync(Ann, fixture.EmptyThread, 0, null, Ct);

        Assert.Empty(page);
    }

    [DatabaseFact]
    public async Task GetBeforeAsync_ExactlyHundredWithLimitHundred_ReturnsAllAscending()
    {
        var page = await Messages.GetBeforeAsync(Ann, fixture.HundredThread, null, 100, Ct);

        Assert.Equal(Seqs(1, 100), page.Select(m => m.Seq));
        Assert.Empty(await Messages.GetBeforeAsync(Ann, fixture.HundredThread, page[0].Seq, 100, Ct));
    }

    [DatabaseFact]
    public async Task GetBeforeAsync_NoLimit_ReturnsTheNewestFiftyAscending()
    {
        var page = await Messages.GetBeforeAsync(Ann, fixture.HundredThread, null, null, Ct);

        Assert.Equal(Seqs(51, 100), page.Select(m => m.Seq));
    }

    [DatabaseFact]
    public async Task GetBeforeAsync_HundredAndOne_NewestHundredThenTheFirstMessage()
    {
        var newest = await Messages.GetBeforeAsync(Ann, fixture.HundredAndOneThread, null, 100, Ct);
        var older = await Messages.GetBeforeAsync(Ann, fixture.HundredAndOneThread, newest[0].Seq, 100, Ct);

        Assert.Equal(Seqs(2, 101), newest.Select(m => m.Seq));
        var first = Assert.Single(older);
        Assert.Equal((1L, HistoryFixture.BodyOf(1), fixture.Ann.UserName), (first.Seq, first.Body, first.Sender));
    }

    [DatabaseFact]
    public async Task GetBeforeAsync_BeforeSeqOne_ReturnsNothing()
    {
        var page = await Messages.GetBeforeAsync(Ann, fixture.HundredAndOneThread, 1, 100, Ct);

        Assert.Empty(page);
    }

    [DatabaseFact]
    public async Task GetBeforeAsync_BeforeSeqBeyondLast_ReturnsTheNewestPage()
    {
        var page = await Messages.GetBeforeAsync(Ann, fixture.HundredAndOneThread, 10_000, 10, Ct);

        Assert.Equal(Seqs(92, 101), page.Select(m => m.Seq));
    }

    [DatabaseFact]
    public async Task GetBeforeAsync_LimitAboveHundred_ClampsToHundred()
    {
        var page = await Messages.GetBeforeAsync(Ann, fixture.HundredAndOneThread, null, 500, Ct);

        Assert.Equal(Seqs(2, 101), page.Select(m => m.Seq));
    }

    [DatabaseFact]
    public async Task GetAfterAsync_LimitAboveHundred_ClampsToHundred()
    {
        var page = await Messages.GetAfterAsync(Ann, fixture.HundredAndOneThread, 0, int.MaxValue, Ct);

        Assert.Equal(Seqs(1, 100), page.Select(m => m.Seq));
    }

    [DatabaseTheory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task GetBeforeAsync_LimitBelowOne_IsInvalid(int limit)
    {
        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Messages.GetBeforeAsync(Ann, fixture.HundredThread, null, limit, Ct));
    }

    [DatabaseTheory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task GetAfterAsync_LimitBelowOne_IsInvalid(int limit)
    {
        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Messages.GetAfterAsync(Ann, fixture.HundredThread, 0, limit, Ct));
    }

    [DatabaseFact]
    public async Task GetAfterAsync_FromZero_ReturnsTheOldestPageAscendingWithSendersAndBodies()
    {
        var page = await Messages.GetAfterAsync(Ann, fixture.HundredAndOneThread, 0, null, Ct);

        Assert.Equal(Seqs(1, 50), page.Select(m => m.Seq));
        Assert.Equal(page.Select(m => HistoryFixture.BodyOf(m.Seq)), page.Select(m => m.Body));
        Assert.Equal(
            page.Select(m => m.Seq % 2 == 1 ? (fixture.Ann.UserName, "Ann") : (fixture.Bob.UserName, "Bob")),
            page.Select(m => (m.Sender, m.SenderDisplayName)));
        Assert.All(page, m => Assert.Equal(fixture.HundredAndOneThread, m.ThreadId));
    }

    [DatabaseFact]
    public async Task GetAfterAsync_CatchingUpPageByPage_ReturnsEveryMessageOnce()
    {
        var seen = new List<long>();

        for (long after = 0; ;)
        {
            var page = await Messages.GetAfterAsync(Ann, fixture.HundredAndOneThread, after, 100, Ct);
            if (page.Count == 0)
            {
                break;
            }
            seen.AddRange(page.Select(m => m.Seq));
            after = page[^1].Seq;
        }

        Assert.Equal(Seqs(1, 101), seen);
    }

    [DatabaseFact]
    public async Task GetAfterAsync_FromLastSeq_ReturnsNothing()
    {
        var page = await Messages.GetAfterAsync(Ann, fixture.HundredAndOneThread, 101, 100, Ct);

        Assert.Empty(page);
    }

    [DatabaseFact]
    public async Task GetAfterAsync_FromOneBeforeLast_ReturnsOnlyTheLast()
    {
        var page = await Messages.GetAfterAsync(Ann, fixture.HundredAndOneThread, 100, 100, Ct);

        Assert.Equal(101, Assert.Single(page).Seq);
    }

    [DatabaseFact]
    public async Task GetAfterAsync_NegativeSeq_IsInvalid()
    {
        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Messages.GetAfterAsync(Ann, fixture.HundredThread, -1, null, Ct));
    }

    [DatabaseFact]
    public async Task GetBeforeAsync_NegativeSeq_IsInvalid()
    {
        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Messages.GetBeforeAsync(Ann, fixture.HundredThread, -1, null, Ct));
    }

    private static IEnumerable<long> Seqs(long from, long to) => Enumerable.Range((int)from, (int)(to - from + 1)).Select(i => (long)i);
}
