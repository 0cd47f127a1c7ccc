using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Contacts;
using ChatWeb.Tests.Domain.Infrastructure;
using Xunit;

namespace ChatWeb.Tests.Domain.Contacts;

public sealed class DirectoryServiceTests : DomainTest
{
    [Fact]
    public async Task SearchAsync_PrefixOfDisplayName_MatchesCaseInsensitivelyInNameOrder()
    {
        var people = await Db.CreateUsersAsync(
            [("Me", "me@corp.example"), ("annabel Smith", "a.smith@corp.example"), ("Ann Lee", "lee@corp.example"), ("Bob Annson", "bob@corp.example"), ("Joanne", "jo@corp.example")], Ct);

        var page = await Db.Directory.SearchAsync(people[0].Id, "aNN", 0, Ct);

        Assert.Equal(["Ann Lee", "annabel Smith"], page.People.Select(p => p.DisplayName));
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task SearchAsync_PrefixOfEmail_MatchesPeopleWhoseNameDoesNot()
    {
        var people = await Db.CreateUsersAsync([("Me", "me@corp.example"), ("Zed Quinn", "ops.lead@corp.example"), ("Opal", "opal@corp.example")], Ct);

        var page = await Db.Directory.SearchAsync(people[0].Id, "OPS.", 0, Ct);

        var entry = Assert.Single(page.People);
        Assert.Equal(new DirectoryEntry("ops.lead@corp.example", "Zed Quinn", false), entry);
    }

    [Theory]
    [InlineData("él", "Élodie Durand")]
    [InlineData("ÉLO", "Élodie Durand")]
    [InlineData("ann l", "Ann Lee")]
    [InlineData("  ann m  ", "Ann Marsh")]
    public async Task SearchAsync_PrefixWithAccentOrSpace_MatchesTheWholePrefix(string query, string expected)
    {
        var people = await Db.CreateUsersAsync(
            [("Me", "me@corp.example"), ("Élodie Durand", "edurand@corp.example"), ("Ann Lee", "al@corp.example"), ("Ann Marsh", "am@corp.example"), ("Eloise", "eloise@corp.example")], Ct);

        var page = await Db.Directory.SearchAsync(people[0].Id, query, 0, Ct);

        Assert.Equal([expected], page.People.Select(p => p.DisplayName));
    }

    [Fact]
    public async Task SearchAsync_TextInTheMiddleOfANameOrEmail_DoesNotMatch()
    {
        var people = await Db.CreateUsersAsync([("Me", "me@corp.example"), ("Ann Lee", "ann.lee@corp.example")], Ct);

        var page = await Db.Directory.SearchAsync(people[0].Id, "lee", 0, Ct);

        Assert.Empty(page.People);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("  a  ")]
    public async Task SearchAsync_QueryShorterThanTwoCharacters_ReturnsNothing(string? query)
    {
        var people = await Db.CreateUsersAsync([("Me", "me@corp.example"), ("Al", "al@corp.example"), ("Amy", "amy@corp.example")], Ct);
        Db.Commands.Clear();

        var page = await Db.Directory.SearchAsync(people[0].Id, query, 0, Ct);

        Assert.Empty(page.People);
        Assert.Equal((0, false), (page.Page, page.HasMore));
        Assert.Empty(Db.Commands.Commands);
    }

    [Fact]
    public async Task SearchAsync_120Matches_PagesOf50WithHasMoreUntilTheLast()
    {
        var me = await Db.CreateUserAsync("Me", "me@corp.example", Ct);
        await Db.CreateUsersAsync(Enumerable.Range(1, 120).Select(i => ($"Tester {i:000}", (string?)$"t{i:000}@corp.example")).ToList(), Ct);

        var pages = new List<DirectoryPage>();
        for (var page = 0; page < 3; page++)
        {
            pages.Add(await Db.Directory.SearchAsync(me.Id, "tester", page, Ct));
        }

        Assert.Equal([(50, true), (50, true), (20, false)], pages.Select(p => (p.People.Count, p.HasMore)));
        Assert.Equal([0, 1, 2], pages.Select(p => p.Page));
        var everyone = pages.SelectMany(p => p.People.Select(e => e.DisplayName)).ToList();
        Assert.Equal(Enumerable.Range(1, 120).Select(i => $"Tester {i:000}"), everyone);
    }

    [Fact]
    public async Task SearchAsync_Exactly50Matches_OnePageWithoutMore()
    {
        var me = await Db.CreateUserAsync("Me", "me@corp.example", Ct);
        await Db.CreateUsersAsync(Enumerable.Range(1, 50).Select(i => ($"Tester {i:00}", (string?)null)).ToList(), Ct);

        var first = await Db.Directory.SearchAsync(me.Id, "Tester", 0, Ct);
        var beyond = await Db.Directory.SearchAsync(me.Id, "Tester", 1, Ct);

        Assert.Equal((50, false), (first.People.Count, first.HasMore));
        Assert.Equal((0, false), (beyond.People.Count, beyond.HasMore));
    }

    [Fact]
    public async Task SearchAsync_NegativePage_IsInvalid()
    {
        var me = await Db.CreateUserAsync("Me", "me@corp.example", Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Directory.SearchAsync(me.Id, "Me", -1, Ct));
    }

    [Theory]
    [InlineData(DirectoryService.MaxPage + 1)]
    [InlineData(int.MaxValue)]
    public async Task SearchAsync_PageBeyondTheLimit_IsInvalid(int page)
    {
        var me = await Db.CreateUserAsync("Me", "me@corp.example", Ct);

        await ChatAssert.RefusedAsync(ChatErrorKind.Invalid, () => Db.Directory.SearchAsync(me.Id, "Me", page, Ct));
    }

    [Fact]
    public async Task SearchAsync_QueryMatchingTheSearcher_LeavesThemOut()
    {
        var people = await Db.CreateUsersAsync([("Sam Me", "sam.me@corp.example"), ("Sam Other", "sam.other@corp.example")], Ct);

        var page = await Db.Directory.SearchAsync(people[0].Id, "sam", 0, Ct);

        Assert.Equal(["Sam Other"], page.People.Select(p => p.DisplayName));
    }

    [Fact]
    public async Task SearchAsync_Results_FlagTheSearchersOwnContacts()
    {
        var people = await Db.CreateUsersAsync(
            [("Me", "me@corp.example"), ("Sam One", "sam1@corp.example"), ("Sam Two", "sam2@corp.example"), ("Other", "other@corp.example")], Ct);
        await Db.Contacts.AddAsync(people[0].Id, people[2].UserName, Ct);
        await Db.Contacts.AddAsync(people[3].Id, people[1].UserName, Ct);

        var page = await Db.Directory.SearchAsync(people[0].Id, "sam", 0, Ct);

        Assert.Equal([("Sam One", false), ("Sam Two", true)], page.People.Select(p => (p.DisplayName, p.IsContact)));
    }

    [Fact]
    public async Task SearchAsync_NameAndEmailBothMatch_ListsThePersonOnce()
    {
        var people = await Db.CreateUsersAsync([("Me", "me@corp.example"), ("Kim Park", "kim@corp.example")], Ct);

        var page = await Db.Directory.SearchAsync(people[0].Id, "ki", 0, Ct);

        Assert.Equal(["kim@corp.example"], page.People.Select(p => p.UserName));
    }
}
