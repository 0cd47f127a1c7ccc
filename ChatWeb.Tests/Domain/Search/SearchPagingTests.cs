using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Search;
using Xunit;

namespace ChatWeb.Tests.Domain.Search;

public sealed class SearchPagingTests : SearchTest
{
    [Fact]
    public async Task SearchAsync_MoreThanAPage_WalksEveryHitOnceNewestFirstByTheCursor()
    {
        var (ann, bob, _, _, group, direct) = await PeopleAsync();
        var sent = new List<string>();
        for (var i = 0; i < 45; i++)
        {
            var body = $"ticket {i:D2}";
            await Db.SendAsync(bob, i % 2 == 0 ? group : direct, body, Ct);
            sent.Add(body);
        }

        var first = await SearchAsync(ann, "ticket");
        // Sent meanwhile: newer than the cursor, so not on a later page.
        await Db.SendAsync(bob, group, "ticket late", Ct);
        var second = await SearchAsync(ann, "ticket", before: first.Next);
        var third = await SearchAsync(ann, "ticket", before: second.Next);

        Assert.Equal(MessageSearchService.PageSize, first.Hits.Count);
        Assert.True(first.HasMore);
        Assert.True(second.HasMore);
        Assert.False(third.HasMore);
        Assert.Null(third.Next);
        Assert.Equal(Enumerable.Reverse(sent), [.. Bodies(first), .. Bodies(second), .. Bodies(third)]);
    }

    [Fact]
    public async Task SearchAsync_MalformedCursor_IsRefused()
    {
        var (ann, _, _, _, _, _) = await PeopleAsync();

        var error = await Assert.ThrowsAsync<ChatException>(() => SearchAsync(ann, "ticket", before: "page-2"));

        Assert.Equal(ChatErrorKind.Invalid, error.Kind);
    }

    [Fact]
    public async Task GetAroundAsync_MiddleOfHistory_ReturnsMessagesBeforeAndAfterTheSeqAscending()
    {
        var (ann, bob, _, dan, group, _) = await PeopleAsync();
        for (var i = 1; i <= 30; i++)
        {
            await Db.SendAsync(bob, group, $"m{i}", Ct);
        }

        var around = await Db.Search.GetAroundAsync(ann.Id, group, 15, 10, Ct);
        var start = await Db.Search.GetAroundAsync(ann.Id, group, 2, 10, Ct);

        Assert.Equal(Enumerable.Range(10, 10).Select(s => (long)s), around.Select(m => m.Seq));
        Assert.Contains(around, m => m.Body == "m15");
        Assert.Equal(Enumerable.Range(1, 10).Select(s => (long)s), start.Select(m => m.Seq));
        var error = await Assert.ThrowsAsync<ChatException>(() => Db.Search.GetAroundAsync(dan.Id, group, 15, 10, Ct));
        Assert.Equal(ChatErrorKind.NotFound, error.Kind);
    }
}
