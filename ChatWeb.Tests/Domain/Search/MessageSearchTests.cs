using ChatWeb.Domain.Chat;
using Xunit;

namespace ChatWeb.Tests.Domain.Search;

public sealed class MessageSearchTests : SearchTest
{
    [Fact]
    public async Task SearchAsync_WordsInTheCallersThreads_FindsThemNewestFirstWithThreadTitleAndHighlights()
    {
        var (ann, bob, _, _, group, direct) = await PeopleAsync();
        await Db.SendAsync(bob, group, "The VPN settings are on the wiki", Ct);
        await Db.SendAsync(bob, direct, "Here are the vpn settings you asked for", Ct);
        await Db.SendAsync(bob, direct, "Lunch at noon?", Ct);

        var page = await SearchAsync(ann, "vpn settings");

        Assert.Equal(["Here are the vpn settings you asked for", "The VPN settings are on the wiki"], Bodies(page));
        Assert.Equal(["Bob", "Team"], page.Hits.Select(h => h.ThreadTitle));
        Assert.Equal(["vpn", "settings"], Highlighted(page.Hits[0]));
        Assert.Equal(["VPN", "settings"], Highlighted(page.Hits[1]));
        Assert.False(page.HasMore);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task SearchAsync_ThreadsTheCallerIsNotIn_FindNothing()
    {
        var (ann, bob, cy, dan, _, _) = await PeopleAsync();
        var theirs = await Db.Conversations.OpenDirectAsync(bob.Id, cy.UserName, Ct);
        await Db.SendAsync(bob, theirs.Id, "secret budget numbers", Ct);

        Assert.Empty((await SearchAsync(ann, "budget")).Hits);
        Assert.Empty((await SearchAsync(dan, "budget")).Hits);
        Assert.Single((await SearchAsync(cy, "budget")).Hits);
    }

    [Fact]
    public async Task SearchAsync_AfterLeavingTheGroup_FindsNothingFromIt()
    {
        var (ann, bob, cy, _, group, _) = await PeopleAsync();
        await Db.SendAsync(ann, group, "quarterly roadmap draft", Ct);
        Assert.Single((await SearchAsync(cy, "roadmap")).Hits);

        await Db.Groups.LeaveAsync(cy.Id, group, Ct);

        Assert.Empty((await SearchAsync(cy, "roadmap")).Hits);
        Assert.Single((await SearchAsync(bob, "roadmap")).Hits);
    }

    [Fact]
    public async Task SearchAsync_DeletedMessage_NeverMatches()
    {
        var (ann, bob, _, _, group, _) = await PeopleAsync();
        var sent = await Db.SendAsync(bob, group, "the password is hunter2", Ct);
        await Db.SendAsync(bob, group, "kept hunter2 note", Ct);

        await Db.Changes.DeleteAsync(bob.Id, group, sent.Id, Ct);

        Assert.Equal(["kept hunter2 note"], Bodies(await SearchAsync(ann, "hunter2")));
        Assert.Empty((await SearchAsync(ann, "password")).Hits);
    }

    [Fact]
    public async Task SearchAsync_EditedMessage_MatchesItsNewTextOnly()
    {
        var (ann, bob, _, _, group, _) = await PeopleAsync();
        var sent = await Db.SendAsync(bob, group, "meet in room alpha", Ct);

        await Db.Changes.EditAsync(bob.Id, group, sent.Id, "meet in room bravo", Ct);

        Assert.Empty((await SearchAsync(ann, "alpha")).Hits);
        var hit = Assert.Single((await SearchAsync(ann, "bravo")).Hits);
        Assert.Equal("meet in room bravo", hit.Message.Body);
        Assert.NotNull(hit.Message.EditedAt);
        Assert.Single((await SearchAsync(ann, "room")).Hits);
    }

    [Theory]
    [InlineData("cafe")]
    [InlineData("CAFÉ")]
    [InlineData("Café")]
    [InlineData("cafe\u0301")]
    public async Task SearchAsync_AnyCaseWithOrWithoutAccents_FindsTheWord(string query)
    {
        var (ann, bob, _, _, group, _) = await PeopleAsync();
        await Db.SendAsync(bob, group, "Le café est prêt", Ct);

        var hit = Assert.Single((await SearchAsync(ann, query + " pret")).Hits);

        Assert.Equal(["café", "prêt"], Highlighted(hit));
    }

    [Fact]
    public async Task SearchAsync_LastWordBeingTyped_MatchesWordsItStarts_ButACompletedWordMatchesWholeWordsOnly()
    {
        var (ann, bob, _, _, group, _) = await PeopleAsync();
        await Db.SendAsync(bob, group, "deployment finished", Ct);
        await Db.SendAsync(bob, group, "deploy now", Ct);

        Assert.Equal(["deploy now", "deployment finished"], Bodies(await SearchAsync(ann, "depl")));
        Assert.Equal(["deploy now"], Bodies(await SearchAsync(ann, "deploy ")));
        Assert.Empty((await SearchAsync(ann, "ployment")).Hits);
        Assert.Equal(["deployment"], Highlighted((await SearchAsync(ann, "deploym")).Hits[0]));
    }

    [Fact]
    public async Task SearchAsync_QuotedPhrase_MatchesTheWordsInARowOnly()
    {
        var (ann, bob, _, _, group, _) = await PeopleAsync();
        await Db.SendAsync(bob, group, "the release notes are out", Ct);
        await Db.SendAsync(bob, group, "notes about the release", Ct);

        var hit = Assert.Single((await SearchAsync(ann, "\"release notes\"")).Hits);

        Assert.Equal("the release notes are out", hit.Message.Body);
        Assert.Equal(["release notes"], Highlighted(hit));
    }

    [Fact]
    public async Task SearchAsync_FromFilter_KeepsThatPersonsMessages()
    {
        var (ann, bob, cy, _, group, _) = await PeopleAsync();
        await Db.SendAsync(bob, group, "status update from bob", Ct);
        await Db.SendAsync(cy, group, "status update from cy", Ct);
        await Db.SendAsync(ann, group, "my status", Ct);

        Assert.Equal(["status update from cy"], Bodies(await SearchAsync(ann, $"from:{cy.UserName.ToUpperInvariant()} status")));
        Assert.Equal(["my status"], Bodies(await SearchAsync(ann, "status from:me")));
        Assert.Empty((await SearchAsync(ann, "from:nobody@corp.example status")).Hits);
    }

    [Theory]
    [InlineData("vpn OR lunch")]
    [InlineData("vpn NOT lunch")]
    [InlineData("NEAR(vpn lunch)")]
    [InlineData("vpn AND lunch")]
    [InlineData("(vpn lunch)")]
    [InlineData("Body:vpn lunch")]
    [InlineData("vpn -lunch")]
    [InlineData("\"vpn lunch")]
    [InlineData("vpn* lunch*")]
    [InlineData("^vpn +lunch")]
    public async Task SearchAsync_EngineSyntaxTyped_IsTextThatNeitherFailsNorWidensTheSearch(string query)
    {
        var (ann, bob, _, _, group, _) = await PeopleAsync();
        await Db.SendAsync(bob, group, "vpn is down", Ct);
        await Db.SendAsync(bob, group, "lunch is ready", Ct);
        await Db.SendAsync(bob, group, "vpn then lunch, or not near body", Ct);

        var page = await SearchAsync(ann, query);

        Assert.All(page.Hits, h => Assert.Contains("vpn", h.Message.Body));
        Assert.All(page.Hits, h => Assert.Contains("lunch", h.Message.Body));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("\"\"")]
    [InlineData("()")]
    [InlineData("- * :")]
    [InlineData("NEAR")]
    public async Task SearchAsync_OnlySyntax_FindsOnlyWhatItsWordsMatch(string query)
    {
        var (ann, bob, _, _, group, _) = await PeopleAsync();
        await Db.SendAsync(bob, group, "anything at all", Ct);

        var page = await SearchAsync(ann, query);

        Assert.Empty(page.Hits);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a")]
    [InlineData(" é ")]
    public async Task SearchAsync_BlankOrOneCharacter_ReturnsNothing(string query)
    {
        var (ann, bob, _, _, group, _) = await PeopleAsync();
        await Db.SendAsync(bob, group, "a é", Ct);

        var page = await SearchAsync(ann, query);

        Assert.Empty(page.Hits);
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task SearchAsync_ThousandCharacters_IsRefusedClearly()
    {
        var (ann, _, _, _, _, _) = await PeopleAsync();

        var error = await Assert.ThrowsAsync<ChatException>(() => SearchAsync(ann, new string('x', 1000)));

        Assert.Equal(ChatErrorKind.Invalid, error.Kind);
        Assert.StartsWith("A search can be at most 500 characters long", error.Message);
    }

    [Fact]
    public async Task SearchAsync_StrangersThread_IsNotFound()
    {
        var (ann, bob, cy, dan, _, _) = await PeopleAsync();
        var theirs = await Db.Conversations.OpenDirectAsync(bob.Id, cy.UserName, Ct);

        var error = await Assert.ThrowsAsync<ChatException>(() => SearchAsync(dan, "anything", theirs.Id));
        var missing = await Assert.ThrowsAsync<ChatException>(() => SearchAsync(ann, "anything", Guid.NewGuid()));

        Assert.Equal(ChatErrorKind.NotFound, error.Kind);
        Assert.Equal(error.Message, missing.Message);
    }

    [Fact]
    public async Task SearchAsync_InOneThread_FindsOnlyItsMessages()
    {
        var (ann, bob, _, _, group, direct) = await PeopleAsync();
        await Db.SendAsync(bob, group, "invoice for march", Ct);
        await Db.SendAsync(bob, direct, "invoice for april", Ct);

        var page = await SearchAsync(ann, "invoice", group);

        Assert.Equal(["invoice for march"], Bodies(page));
    }
}
