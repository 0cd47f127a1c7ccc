using Bunit;
using ChatWeb.Components.Search;
using ChatWeb.Domain.Chat;
using ChatWeb.Realtime;
using Xunit;

namespace ChatWeb.Tests.Components.Search;

public sealed class ThreadSearchTests : ChatUiTestContext
{
    private CurrentUser ann = null!;
    private CurrentUser bob = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        ann = await SignInAsync("ann@corp.example", "Ann Lee");
        bob = await AddUserAsync("bob@corp.example", "Bob Stone");
    }

    [Fact]
    public async Task Typing_WordsOfAMessage_ShowsHitsWithMatchesMarkedAsText()
    {
        var direct = await Service<ConversationService>().OpenDirectAsync(ann.Id, bob.UserName, Ct);
        await Service<MessageService>().SendAsync(bob.Id, direct.Id, "c1", "<b>VPN</b> settings: use vpn.corp", Ct);
        var cut = Render<ThreadSearch>();

        cut.Find("[data-testid=message-search]").Input("vpn sett");
        var hit = cut.WaitForElement("[data-testid=search-hit]");

        Assert.Equal("Bob Stone", hit.QuerySelector("[data-testid=search-hit-thread]")!.TextContent);
        var snippet = hit.QuerySelector("[data-testid=search-hit-snippet]")!;
        Assert.Equal("<b>VPN</b> settings: use vpn.corp", snippet.TextContent);
        Assert.Empty(snippet.QuerySelectorAll("b"));
        Assert.Equal(["VPN", "settings", "vpn"], snippet.QuerySelectorAll("mark.search-match").Select(m => m.TextContent));
        Assert.Equal($"chat/{direct.Id}?at=1", hit.GetAttribute("href"));
    }

    [Fact]
    public async Task Enter_OnAHit_OpensTheConversationAtIt_AndEscapeReturnsToTheList()
    {
        var direct = await Service<ConversationService>().OpenDirectAsync(ann.Id, bob.UserName, Ct);
        await Service<MessageService>().SendAsync(bob.Id, direct.Id, "c1", "budget draft", Ct);
        await Service<MessageService>().SendAsync(bob.Id, direct.Id, "c2", "lunch?", Ct);
        var searching = new List<bool>();
        var cut = Render<ThreadSearch>(p => p.Add(s => s.SearchingChanged, (bool on) => searching.Add(on)));

        cut.Find("[data-testid=message-search]").Input("budget");
        cut.WaitForElement("[data-testid=search-hit]");
        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find("[data-testid=search-results]").GetAttribute("aria-busy")));
        cut.Find("[data-testid=message-search]").KeyDown("Enter");

        cut.WaitForAssertion(() => Assert.EndsWith($"/chat/{direct.Id}?at=1", Navigation.Uri));
        cut.Find("[data-testid=message-search]").KeyDown("Escape");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=search-results]")));
        Assert.Equal([true, false], searching);
    }

    [Fact]
    public async Task SearchInConversation_Requested_NarrowsTheSearchToThatThread()
    {
        var direct = await Service<ConversationService>().OpenDirectAsync(ann.Id, bob.UserName, Ct);
        var group = await Service<ConversationService>().CreateGroupAsync(ann.Id, "Ops", [bob.UserName], Ct);
        await Service<MessageService>().SendAsync(bob.Id, direct.Id, "c1", "invoice one", Ct);
        await Service<MessageService>().SendAsync(bob.Id, group.Id, "c2", "invoice two", Ct);
        var cut = Render<ThreadSearch>();

        await cut.InvokeAsync(() => Service<SearchRequests>().SearchIn(group.Id, "Ops"));
        cut.Find("[data-testid=message-search]").Input("invoice");

        cut.WaitForAssertion(() => Assert.Equal(["invoice two"], cut.FindAll("[data-testid=search-hit-snippet]").Select(s => s.TextContent)));
        Assert.Contains("Ops", cut.Find("[data-testid=search-scope]").TextContent);
    }

    [Theory]
    [InlineData("abcdef", new[] { 0, 2, 4, 1 }, "[ab]cd[e]f")]
    [InlineData("abc", new[] { 1, 99 }, "a[bc]")]
    [InlineData("abc", new[] { 2, 1, 0, 1 }, "[a]b[c]")]
    [InlineData("abc", new[] { -5, 2, 1, 1 }, "a[b]c")]
    public void Split_Ranges_CutTheSnippetWithoutEverThrowing(string snippet, int[] flat, string expected)
    {
        var ranges = flat.Chunk(2).ToList();

        var parts = SnippetPart.Split(snippet, ranges);

        Assert.Equal(expected, string.Concat(parts.Select(p => p.IsMatch ? $"[{p.Text}]" : p.Text)));
    }
}
