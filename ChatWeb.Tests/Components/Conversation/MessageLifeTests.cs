using AngleSharp.Dom;
using Bunit;
using ChatWeb.Components.Conversation;
using ChatWeb.Domain.Chat;
using ChatWeb.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Xunit;

namespace ChatWeb.Tests.Components.Conversation;

/// <summary>Replies, edits, deletes, reactions and read receipts in the open conversation, on the real domain.</summary>
public sealed class MessageLifeTests : ConversationTestContext
{
    private MessageChangeService Changes => Service<MessageChangeService>();

    [Fact]
    public async Task ActionBar_OwnAndOthersMessages_OffersEditAndDeleteOnlyOnOwn()
    {
        var (ann, bob, thread) = await DirectAsync();
        await SendAsync(ann, thread, "mine");
        await SendAsync(bob, thread, "his");

        var cut = Open(ann, thread);

        var own = Row(cut, 1);
        var his = Row(cut, 2);
        Assert.NotNull(own.QuerySelector("[data-testid=edit-button]"));
        Assert.NotNull(own.QuerySelector("[data-testid=delete-button]"));
        Assert.NotNull(his.QuerySelector("[data-testid=reply-button]"));
        Assert.NotNull(his.QuerySelector("[data-testid=react-button]"));
        Assert.Null(his.QuerySelector("[data-testid=edit-button]"));
        Assert.Null(his.QuerySelector("[data-testid=delete-button]"));
        Assert.Equal("Message actions", own.QuerySelector("[role=toolbar]")!.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task EditInPlace_EnterSaves_ShowsTheNewTextAsEdited()
    {
        var (ann, _, thread) = await DirectAsync();
        await SendAsync(ann, thread, "See you at 3");
        var cut = Open(ann, thread);

        await Row(cut, 1).QuerySelector("[data-testid=edit-button]")!.ClickAsync(new MouseEventArgs());
        var editor = cut.WaitForElement("[data-testid=edit-input]");
        Assert.Equal("See you at 3", editor.GetAttribute("value"));
        await editor.InputAsync(new ChangeEventArgs { Value = "See you at 3:30" });
        await cut.Find("[data-testid=edit-input]").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });

        cut.WaitForAssertion(() =>
        {
            Assert.Empty(cut.FindAll("[data-testid=edit-input]"));
            Assert.Equal("See you at 3:30", Row(cut, 1).QuerySelector(".body")!.TextContent);
            Assert.NotNull(Row(cut, 1).QuerySelector("[data-testid=edited-label]"));
        });
        Assert.Equal("See you at 3:30", (await Messages.GetBeforeAsync(ann.Id, thread, null, 10, Ct)).Single().Body);
    }

    [Fact]
    public async Task UpArrowInEmptyComposer_EditsTheLastOwnMessage_EscCancels()
    {
        var (ann, bob, thread) = await DirectAsync();
        await SendAsync(ann, thread, "first");
        await SendAsync(ann, thread, "second");
        await SendAsync(bob, thread, "his");
        var cut = Open(ann, thread);

        await cut.Find("[data-testid=composer-input]").KeyDownAsync(new KeyboardEventArgs { Key = "ArrowUp" });

        var editor = cut.WaitForElement("[data-testid=edit-input]");
        Assert.Equal("second", editor.GetAttribute("value"));
        Assert.NotNull(Row(cut, 2).QuerySelector("[data-testid=message-editor]"));
        await editor.KeyDownAsync(new KeyboardEventArgs { Key = "Escape" });
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=message-editor]")));
        Assert.Null(Row(cut, 2).QuerySelector("[data-testid=edited-label]"));
    }

    [Fact]
    public async Task MessageChanged_DeletedByItsSender_ShowsDeletedInPlace()
    {
        var (ann, bob, thread) = await DirectAsync();
        var message = await SendAsync(bob, thread, "oops, wrong chat");
        await SendAsync(ann, thread, "after it");
        var cut = Open(ann, thread);

        await Events.RaiseAsync(new MessageChangedNotice(await Changes.DeleteAsync(bob.Id, thread, message.Id, Ct)));

        cut.WaitForAssertion(() =>
        {
            var row = Row(cut, 1);
            Assert.Equal("This message was deleted", row.QuerySelector("[data-testid=deleted-body]")!.TextContent);
            Assert.DoesNotContain("oops", row.TextContent);
            Assert.Equal("true", row.GetAttribute("data-deleted"));
            Assert.Null(row.QuerySelector("[data-testid=message-actions]"));
        });
        Assert.Equal(["1", "2"], cut.FindAll("[data-testid=message]").Select(r => r.GetAttribute("data-seq")));
    }

    [Fact]
    public async Task Delete_Confirmed_DeletesTheMessage()
    {
        var (ann, _, thread) = await DirectAsync();
        await SendAsync(ann, thread, "take this back");
        var cut = Open(ann, thread);

        // The click's handler waits for the answer to the dialog it opens.
        var deleting = Row(cut, 1).QuerySelector("[data-testid=delete-button]")!.ClickAsync(new MouseEventArgs());
        var dialog = cut.WaitForElement(".mud-dialog");
        Assert.Contains("Delete this message?", dialog.TextContent);
        var confirm = cut.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Delete");
        await confirm.ClickAsync(new MouseEventArgs());
        await deleting;

        cut.WaitForAssertion(() => Assert.NotNull(Row(cut, 1).QuerySelector("[data-testid=deleted-body]")));
        Assert.NotNull((await Messages.GetBeforeAsync(ann.Id, thread, null, 10, Ct)).Single().DeletedAt);
    }

    [Fact]
    public async Task Reply_QuoteAboveComposerThenInTheBubble()
    {
        var (ann, bob, thread) = await DirectAsync();
        await SendAsync(bob, thread, "When shall we meet?");
        var cut = Open(ann, thread);

        await Row(cut, 1).QuerySelector("[data-testid=reply-button]")!.ClickAsync(new MouseEventArgs());
        var composing = cut.WaitForElement(".composing[data-testid=reply-quote]");
        Assert.Contains("When shall we meet?", composing.TextContent);
        Assert.Contains("Bob", composing.TextContent);
        var input = cut.Find("[data-testid=composer-input]");
        await input.InputAsync(new ChangeEventArgs { Value = "At 3" });
        await cut.Find("[data-testid=composer-input]").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });

        cut.WaitForAssertion(() =>
        {
            var reply = Row(cut, 2);
            Assert.Equal("1", reply.QuerySelector("[data-testid=reply-quote]")!.GetAttribute("data-reply-seq"));
            Assert.Contains("When shall we meet?", reply.QuerySelector("[data-testid=reply-quote]")!.TextContent);
            Assert.Empty(cut.FindAll(".composing[data-testid=reply-quote]"));
        });
        var stored = (await Messages.GetBeforeAsync(ann.Id, thread, null, 10, Ct))[^1];
        Assert.Equal(1, stored.ReplyTo?.Seq);
    }

    [Fact]
    public async Task Reply_Cancelled_SendsAPlainMessage()
    {
        var (ann, bob, thread) = await DirectAsync();
        await SendAsync(bob, thread, "question");
        var cut = Open(ann, thread);
        await Row(cut, 1).QuerySelector("[data-testid=reply-button]")!.ClickAsync(new MouseEventArgs());

        await cut.WaitForElement("[data-testid=cancel-reply]").ClickAsync(new MouseEventArgs());
        await cut.Find("[data-testid=composer-input]").InputAsync(new ChangeEventArgs { Value = "unrelated" });
        await cut.Find("[data-testid=composer-input]").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });

        cut.WaitForAssertion(() => Assert.Equal("sent", Row(cut, 2).GetAttribute("data-status")));
        Assert.Null(Row(cut, 2).QuerySelector("[data-testid=reply-quote]"));
        Assert.Null((await Messages.GetBeforeAsync(ann.Id, thread, null, 10, Ct))[^1].ReplyTo);
    }

    [Fact]
    public async Task ReactionChips_ClickToggleMine_CountsAndNamesFollow()
    {
        var (ann, bob, thread) = await DirectAsync();
        var message = await SendAsync(bob, thread, "Shipped!");
        var cut = Open(ann, thread);
        await Events.RaiseAsync(new MessageChangedNotice(await Changes.ReactAsync(bob.Id, thread, message.Id, "🎉", true, Ct)));
        cut.WaitForAssertion(() => Assert.Equal("Bob", Chip(cut).GetAttribute("title")));
        Assert.Equal("false", Chip(cut).GetAttribute("aria-pressed"));

        await Chip(cut).ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("2", Chip(cut).QuerySelector(".count")!.TextContent);
            Assert.Equal("true", Chip(cut).GetAttribute("aria-pressed"));
            Assert.Equal("Bob, You", Chip(cut).GetAttribute("title"));
        });
        await Chip(cut).ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.Equal("1", Chip(cut).QuerySelector(".count")!.TextContent));
    }

    [Fact]
    public async Task EmojiPicker_Pick_AddsTheReaction()
    {
        var (ann, bob, thread) = await DirectAsync();
        await SendAsync(bob, thread, "Lunch?");
        var cut = Open(ann, thread);

        await cut.InvokeAsync(() => Row(cut, 1).QuerySelector("[data-testid=react-button] button")!.Click());
        var choice = cut.WaitForElement("[data-testid=emoji-choice][data-emoji='👍']");
        Assert.Equal("React with 👍", choice.GetAttribute("aria-label"));
        await cut.InvokeAsync(() => choice.Click());

        cut.WaitForAssertion(() => Assert.Equal("👍", Chip(cut).GetAttribute("data-emoji")));
        Assert.Equal("true", Chip(cut).GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task ReadUpTo_DirectPeerReads_SentTickBecomesRead()
    {
        var (ann, bob, thread) = await DirectAsync();
        await SendAsync(ann, thread, "one");
        await SendAsync(ann, thread, "two");
        var cut = Open(ann, thread);
        Assert.Equal("sent", Row(cut, 2).QuerySelector("[data-testid=status-icon]")!.GetAttribute("aria-label"));

        await Service<ThreadSettingsService>().MarkReadAsync(bob.Id, thread, 1, Ct);
        await Events.RaiseAsync(new ReadUpTo(thread, bob.UserName, 1));

        cut.WaitForAssertion(() => Assert.Equal("true", Row(cut, 1).GetAttribute("data-read")));
        Assert.Equal("read", Row(cut, 1).QuerySelector("[data-testid=status-icon]")!.GetAttribute("aria-label"));
        Assert.Null(Row(cut, 2).GetAttribute("data-read"));
    }

    [Fact]
    public async Task SeenBy_Group_UnderTheLatestOwnMessageWithEveryNameOnHover()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var cy = await AddUserAsync("Cy");
        var group = await Conversations.CreateGroupAsync(ann.Id, "Team", [bob.UserName, cy.UserName], Ct);
        await SendAsync(ann, group.Id, "first");
        await SendAsync(ann, group.Id, "agenda attached");
        await Service<ThreadSettingsService>().MarkReadAsync(bob.Id, group.Id, 2, Ct);
        await Service<ThreadSettingsService>().MarkReadAsync(cy.Id, group.Id, 2, Ct);

        var cut = Open(ann, group.Id);

        cut.WaitForAssertion(() =>
        {
            var seen = Assert.Single(cut.FindAll("[data-testid=seen-by]"));
            Assert.Equal("Seen by Bob, Cy", seen.GetAttribute("title"));
            Assert.Equal("2", seen.Closest("[data-testid=message]")!.GetAttribute("data-seq"));
        });
    }

    private IRenderedComponent<IComponent> Open(CurrentUser reader, Guid thread)
    {
        SignIn(reader);
        var cut = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<ConversationView>(2);
            builder.AddAttribute(3, nameof(ConversationView.ThreadId), thread);
            builder.CloseComponent();
        });
        cut.WaitForElement("[data-testid=composer-input]");
        return cut;
    }

    private static IElement Row(IRenderedComponent<IComponent> cut, long seq) => cut.Find($"[data-testid=message][data-seq='{seq}']");

    private static IElement Chip(IRenderedComponent<IComponent> cut) => cut.Find("[data-testid=reaction-chip]");

    private async Task<(CurrentUser Ann, CurrentUser Bob, Guid Thread)> DirectAsync()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        return (ann, bob, (await Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct)).Id);
    }
}
