using AngleSharp.Dom;
using Bunit;
using ChatWeb.Realtime;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ChatWeb.Tests.Components.Conversation;

public sealed class ComposerTests : ConversationTestContext
{
    [Fact]
    public async Task KeyDown_Enter_SendsTheMessage()
    {
        var (cut, thread, _) = await OpenDirectAsync();
        var input = cut.Find("[data-testid=composer-input]");

        await input.InputAsync(new() { Value = "Hello Bob" });
        await input.KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });

        cut.WaitForAssertion(() =>
        {
            var row = Assert.Single(cut.FindAll("[data-testid=message]"));
            Assert.Equal("true", row.GetAttribute("data-own"));
            Assert.Equal("sent", row.GetAttribute("data-status"));
            Assert.Equal("Hello Bob", row.QuerySelector(".body")!.TextContent);
        });
        Assert.Equal("", cut.Find("[data-testid=composer-input]").GetAttribute("value") ?? "");
        Assert.Equal(1, (await Conversations.GetThreadAsync(CurrentUser.User!.Id, thread, Ct)).LastSeq);
    }

    [Fact]
    public async Task KeyDown_ShiftEnter_DoesNotSend()
    {
        var (cut, thread, _) = await OpenDirectAsync();
        var input = cut.Find("[data-testid=composer-input]");

        await input.InputAsync(new() { Value = "first line" });
        await input.KeyDownAsync(new KeyboardEventArgs { Key = "Enter", ShiftKey = true });

        Assert.Empty(cut.FindAll("[data-testid=message]"));
        Assert.Equal("first line", cut.Find("[data-testid=composer-input]").GetAttribute("value"));
        Assert.Equal(0, (await Conversations.GetThreadAsync(CurrentUser.User!.Id, thread, Ct)).LastSeq);
    }

    [Fact]
    public async Task KeyDown_EnterWhileComposing_DoesNotSend()
    {
        var (cut, _, _) = await OpenDirectAsync();
        var input = cut.Find("[data-testid=composer-input]");

        await input.InputAsync(new() { Value = "にほん" });
        await input.KeyDownAsync(new KeyboardEventArgs { Key = "Enter", IsComposing = true });

        Assert.Empty(cut.FindAll("[data-testid=message]"));
    }

    [Fact]
    public async Task SendButton_BlankDraft_IsDisabledAndEnterSendsNothing()
    {
        var (cut, _, _) = await OpenDirectAsync();
        var input = cut.Find("[data-testid=composer-input]");

        await input.InputAsync(new() { Value = "  \n  " });
        await input.KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });

        Assert.True(cut.Find("[data-testid=send-button]").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-testid=message]"));
    }

    [Fact]
    public async Task Counter_NearAndOverTheLimit_ShowsThenTurnsRedAndBlocksSending()
    {
        var (cut, _, _) = await OpenDirectAsync();
        var input = cut.Find("[data-testid=composer-input]");

        await input.InputAsync(new() { Value = new string('a', 3000) });
        Assert.Empty(cut.FindAll("[data-testid=char-counter]"));

        await cut.Find("[data-testid=composer-input]").InputAsync(new() { Value = new string('a', 3600) });
        var counter = cut.Find("[data-testid=char-counter]");
        Assert.Contains("3,600 / 4,000", counter.TextContent);
        Assert.False(counter.ClassList.Contains("over"));
        Assert.False(cut.Find("[data-testid=send-button]").HasAttribute("disabled"));

        await cut.Find("[data-testid=composer-input]").InputAsync(new() { Value = new string('a', 4001) });
        Assert.True(cut.Find("[data-testid=char-counter]").ClassList.Contains("over"));
        Assert.True(cut.Find("[data-testid=send-button]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Send_WhileDatabaseBusy_ShowsPendingThenSent()
    {
        var (cut, _, _) = await OpenDirectAsync();
        // Another writer holds SQLite's write lock, so the send waits as it would on a slow server.
        await using var blocker = new SqliteConnection($"Data Source={DatabasePath}");
        await blocker.OpenAsync(Ct);
        await using var hold = blocker.CreateCommand();
        hold.CommandText = "BEGIN IMMEDIATE;";
        await hold.ExecuteNonQueryAsync(Ct);
        var input = cut.Find("[data-testid=composer-input]");
        await input.InputAsync(new() { Value = "on its way" });

        var sending = input.KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });

        cut.WaitForAssertion(() => Assert.Equal("pending", OwnRow(cut).GetAttribute("data-status")));
        Assert.Null(OwnRow(cut).GetAttribute("data-seq"));
        hold.CommandText = "ROLLBACK;";
        await hold.ExecuteNonQueryAsync(Ct);
        await sending;
        cut.WaitForAssertion(() =>
        {
            Assert.Equal("sent", OwnRow(cut).GetAttribute("data-status"));
            Assert.Equal("1", OwnRow(cut).GetAttribute("data-seq"));
        });
    }

    [Fact]
    public async Task Retry_AfterFailure_SendsOnceUnderTheSameClientMessageId()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var group = await Conversations.CreateGroupAsync(bob.Id, "Team", [ann.UserName], Ct);
        SignIn(ann);
        var cut = RenderConversation(group.Id);
        cut.WaitForElement("[data-testid=composer-input]");
        // Removed behind the view's back (no live event): the send is refused.
        await Groups.RemoveMemberAsync(bob.Id, group.Id, ann.UserName, Ct);
        var input = cut.Find("[data-testid=composer-input]");
        await input.InputAsync(new() { Value = "are you there?" });
        await input.KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });
        cut.WaitForAssertion(() => Assert.Equal("failed", OwnRow(cut).GetAttribute("data-status")));
        var clientId = OwnRow(cut).GetAttribute("data-client-id");
        await Groups.AddMembersAsync(bob.Id, group.Id, [ann.UserName], Ct);

        await cut.Find("[data-testid=retry-button]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("sent", OwnRow(cut).GetAttribute("data-status")));
        var stored = Assert.Single(await Messages.GetAfterAsync(bob.Id, group.Id, 0, 10, Ct));
        Assert.Equal(clientId, stored.ClientMessageId);
        Assert.Equal(clientId, OwnRow(cut).GetAttribute("data-client-id"));
    }

    [Fact]
    public async Task Typing_ManyKeystrokes_SendsOneNoticePerInterval()
    {
        var (cut, thread, _) = await OpenDirectAsync();
        var input = cut.Find("[data-testid=composer-input]");

        foreach (var text in new[] { "h", "he", "hel", "hell", "hello" })
        {
            await cut.Find("[data-testid=composer-input]").InputAsync(new() { Value = text });
        }

        Assert.Equal([thread], Events.TypingSent);
    }

    private static IElement OwnRow(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut) =>
        Assert.Single(cut.FindAll("[data-testid=message][data-own=true]"));

    private async Task<(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> Cut, Guid ThreadId, CurrentUser Peer)> OpenDirectAsync()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var thread = await Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        SignIn(ann);
        var cut = RenderConversation(thread.Id);
        cut.WaitForElement("[data-testid=composer-input]");
        return (cut, thread.Id, bob);
    }
}
