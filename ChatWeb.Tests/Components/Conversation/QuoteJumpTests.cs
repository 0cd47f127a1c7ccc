using AngleSharp.Dom;
using Bunit;
using ChatWeb.Components.Conversation;
using ChatWeb.Domain.Chat;
using ChatWeb.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Xunit;

namespace ChatWeb.Tests.Components.Conversation;

/// <summary>Clicking a reply's quote: the original is shown in place and highlighted, however far back it lies.</summary>
public sealed class QuoteJumpTests : ConversationTestContext
{
    private const int Before = 100;
    private const int Between = 31 * ConversationFeed.PageSize;
    private const long OriginalSeq = Before + 1;
    private const long ReplySeq = OriginalSeq + Between + 1;

    [Fact]
    public async Task ShowOriginal_ThirtyOnePagesBack_OpensThePageAroundItHighlightedAndJumpsBackToTheLatest()
    {
        var (ann, thread) = await LongThreadAsync();
        var cut = Open(ann, thread);

        await ClickQuoteAsync(cut, ReplySeq);

        cut.WaitForAssertion(() => Assert.Equal(OriginalSeq, RevealedSeqs().Single()));
        var seqs = Seqs(cut);
        Assert.Equal(ConversationFeed.PageSize, seqs.Count);
        Assert.Equal(OriginalSeq - ConversationFeed.PageSize / 2, seqs[0]);
        Assert.Equal(Enumerable.Range((int)seqs[0], seqs.Count).Select(s => (long)s), seqs);
        Assert.Contains(OriginalSeq, seqs);
        Assert.NotNull(cut.Find("[data-testid=load-older]"));
        await cut.Find("[data-testid=jump-to-latest]").ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.Equal(ReplySeq, Seqs(cut)[^1]));
        Assert.Equal(ConversationFeed.PageSize, Seqs(cut).Count);
    }

    [Fact]
    public async Task ShowOriginal_AfterTheJump_PagesForwardBackToTheNewest()
    {
        var (ann, thread) = await LongThreadAsync();
        var cut = Open(ann, thread);
        await ClickQuoteAsync(cut, ReplySeq);
        cut.WaitForAssertion(() => Assert.Contains(OriginalSeq, Seqs(cut)));
        var list = cut.FindComponent<MessageList>();

        for (var page = 0; page < Between / ConversationFeed.PageSize + 2 && Seqs(cut)[^1] < ReplySeq; page++)
        {
            var last = Seqs(cut)[^1];
            await list.Instance.OnNearBottom();
            cut.WaitForAssertion(() => Assert.True(Seqs(cut)[^1] > last));
        }

        var seqs = Seqs(cut);
        Assert.Equal(ReplySeq, seqs[^1]);
        Assert.Equal(ConversationFeed.WindowCapacity, seqs.Count);
        Assert.Equal(Enumerable.Range((int)seqs[0], seqs.Count).Select(s => (long)s), seqs);
        Assert.Empty(cut.FindAll("[aria-label='Loading newer messages']"));
        Assert.Empty(cut.FindAll("[data-testid=jump-to-latest]"));
    }

    [Fact]
    public async Task ShowOriginal_AlreadyHeld_HighlightsItWithoutARequest()
    {
        var (ann, bob, thread) = await GroupAsync();
        var original = await SendAsync(bob, thread, "When shall we meet?");
        await ReplyAsync(bob, thread, original, "At 3?");
        var cut = Open(ann, thread);
        // Any read from now on would be refused: only a click that reads nothing can still show it.
        await Groups.RemoveMemberAsync(bob.Id, thread, ann.UserName, Ct);

        await ClickQuoteAsync(cut, original.Seq + 1);

        cut.WaitForAssertion(() => Assert.Equal(original.Seq, RevealedSeqs().Single()));
        Assert.Empty(Snackbars.ShownSnackbars);
        Assert.Equal([1L, 2L], Seqs(cut));
    }

    [Fact]
    public async Task ShowOriginal_DeletedOriginalFarBack_ShowsItAsDeleted()
    {
        var (ann, bob, thread) = await GroupAsync();
        var original = await SendAsync(bob, thread, "wrong chat");
        await SendManyAsync(bob, thread, 2 * ConversationFeed.PageSize);
        var reply = await ReplyAsync(ann, thread, original, "which one?");
        await Service<MessageChangeService>().DeleteAsync(bob.Id, thread, original.Id, Ct);
        var cut = Open(ann, thread);

        await ClickQuoteAsync(cut, reply.Seq);

        cut.WaitForAssertion(() => Assert.Equal(original.Seq, RevealedSeqs().Single()));
        Assert.NotNull(Row(cut, original.Seq).QuerySelector("[data-testid=deleted-body]"));
    }

    [Fact]
    public async Task ShowOriginal_NoLongerAMember_SaysItCannotBeShownAndKeepsTheWindow()
    {
        var (ann, bob, thread) = await GroupAsync();
        var original = await SendAsync(bob, thread, "old news");
        await SendManyAsync(bob, thread, 2 * ConversationFeed.PageSize);
        var reply = await ReplyAsync(bob, thread, original, "about that");
        var cut = Open(ann, thread);
        var before = Seqs(cut);
        await Groups.RemoveMemberAsync(bob.Id, thread, ann.UserName, Ct);

        await ClickQuoteAsync(cut, reply.Seq);

        cut.WaitForAssertion(() => Assert.Single(Snackbars.ShownSnackbars));
        var shown = Snackbars.ShownSnackbars.Single();
        Assert.Equal("That message can't be shown here.", shown.Message);
        Assert.Equal(Severity.Info, shown.Severity);
        Assert.Empty(RevealedSeqs());
        Assert.Equal(before, Seqs(cut));
    }

    private ISnackbar Snackbars => Services.GetRequiredService<ISnackbar>();

    /// <summary>Bob sends <see cref="Before"/> messages, the original, 31 pages more, then a reply to the original.</summary>
    private async Task<(CurrentUser Ann, Guid Thread)> LongThreadAsync()
    {
        var (ann, bob, thread) = await GroupAsync();
        await SendManyAsync(bob, thread, Before);
        var original = await SendAsync(bob, thread, "the original");
        await SendManyAsync(bob, thread, Between);
        var reply = await ReplyAsync(bob, thread, original, "back to this");
        Assert.Equal((OriginalSeq, ReplySeq), (original.Seq, reply.Seq));
        return (ann, thread);
    }

    private async Task<(CurrentUser Ann, CurrentUser Bob, Guid Thread)> GroupAsync()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var group = await Conversations.CreateGroupAsync(bob.Id, "Planning", [ann.UserName], Ct);
        return (ann, bob, group.Id);
    }

    /// <summary>Many at once, so the writer commits them in a few batches: history, not the subject here.</summary>
    private async Task SendManyAsync(CurrentUser from, Guid thread, int count)
    {
        for (var sent = 0; sent < count; sent += 200)
        {
            await Task.WhenAll(Enumerable.Range(sent, Math.Min(200, count - sent)).Select(n => SendAsync(from, thread, $"filler {n}")));
        }
    }

    private Task<ChatMessage> ReplyAsync(CurrentUser from, Guid thread, ChatMessage original, string body) =>
        Messages.PostAsync(from.Id, thread, new MessageDraft { ClientMessageId = Guid.NewGuid().ToString(), Body = body, ReplyToId = original.Id.ToString() }, Ct);

    private IRenderedComponent<IComponent> Open(CurrentUser reader, Guid thread)
    {
        SignIn(reader);
        var cut = RenderConversation(thread);
        cut.WaitForElement("[data-testid=composer-input]");
        return cut;
    }

    private static Task ClickQuoteAsync(IRenderedComponent<IComponent> cut, long replySeq) =>
        Row(cut, replySeq).QuerySelector("[data-testid=reply-quote] button")!.ClickAsync(new MouseEventArgs());

    /// <summary>The messages the list asked the browser to scroll to and highlight.</summary>
    private List<long> RevealedSeqs() =>
        [.. JSInterop.Invocations.Where(i => i.Identifier == "revealMessage").Select(i => Convert.ToInt64(i.Arguments[0]))];

    private static List<long> Seqs(IRenderedComponent<IComponent> cut) =>
        [.. cut.FindAll("[data-testid=message]").Select(r => long.Parse(r.GetAttribute("data-seq")!))];

    private static IElement Row(IRenderedComponent<IComponent> cut, long seq) => cut.Find($"[data-testid=message][data-seq='{seq}']");
}
