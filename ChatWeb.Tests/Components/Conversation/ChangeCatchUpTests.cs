using ChatWeb.Components.Conversation;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Presence;
using ChatWeb.Domain.Search;
using ChatWeb.Realtime;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace ChatWeb.Tests.Components.Conversation;

/// <summary>The change protocol of an open conversation, by version, on the real domain services.</summary>
public sealed class ChangeCatchUpTests : ConversationTestContext
{
    private MessageChangeService Changes => Service<MessageChangeService>();

    [Fact]
    public async Task ChangedAsync_NextVersion_ReplacesTheHeldCopyAndMovesTheVersionOn()
    {
        var (ann, bob, thread) = await DirectAsync();
        var message = await SendAsync(bob, thread, "See you at 3");
        using var state = await OpenAsync(ann, thread);

        var edited = await Changes.EditAsync(bob.Id, thread, message.Id, "See you at 3:30", Ct);
        await state.ChangedAsync(edited);

        var held = Assert.Single(state.Feed.Window.Messages);
        Assert.Equal("See you at 3:30", held.Body);
        Assert.NotNull(held.EditedAt);
        Assert.Equal(edited.Version, state.Changes.LastVersion);
        Assert.Equal("See you at 3:30", state.Summary!.LastMessagePreview);
    }

    [Fact]
    public async Task ChangedAsync_OlderCopyAfterNewer_KeepsTheNewer()
    {
        var (ann, bob, thread) = await DirectAsync();
        var message = await SendAsync(bob, thread, "hello");
        using var state = await OpenAsync(ann, thread);
        var reacted = await Changes.ReactAsync(ann.Id, thread, message.Id, "👍", true, Ct);
        var deleted = await Changes.DeleteAsync(bob.Id, thread, message.Id, Ct);

        await state.ChangedAsync(deleted);
        await state.ChangedAsync(reacted);

        var held = Assert.Single(state.Feed.Window.Messages);
        Assert.NotNull(held.DeletedAt);
        Assert.Empty(held.Reactions);
        Assert.Equal(deleted.Version, state.Changes.LastVersion);
    }

    [Fact]
    public async Task ChangedAsync_AfterAMissedChange_FetchesItByVersion()
    {
        var (ann, bob, thread) = await DirectAsync();
        var first = await SendAsync(bob, thread, "one");
        var second = await SendAsync(bob, thread, "two");
        using var state = await OpenAsync(ann, thread);
        await Changes.EditAsync(bob.Id, thread, first.Id, "one, edited", Ct);
        var missedThenSeen = await Changes.ReactAsync(bob.Id, thread, second.Id, "🎉", true, Ct);

        await state.ChangedAsync(missedThenSeen);

        Assert.Equal(["one, edited", "two"], state.Feed.Window.Messages.Select(m => m.Body));
        Assert.Equal("🎉", Assert.Single(state.Feed.Window.Messages[1].Reactions).Emoji);
        Assert.Equal(missedThenSeen.Version, state.Changes.LastVersion);
    }

    [Fact]
    public async Task ReconnectedAsync_ChangesWhileAway_AppliesEveryOneAcrossPages()
    {
        var (ann, bob, thread) = await DirectAsync();
        var messages = new List<ChatMessage>();
        for (var i = 0; i < 120; i++)
        {
            messages.Add(await SendAsync(bob, thread, $"message {i}"));
        }
        using var state = await OpenAsync(ann, thread);
        // 120 messages changed while Ann is away: more than one page of GetChangesAfter.
        foreach (var message in messages)
        {
            await Changes.ReactAsync(bob.Id, thread, message.Id, "👍", true, Ct);
        }
        await Changes.EditAsync(bob.Id, thread, messages[^1].Id, "the last one, edited", Ct);
        var latest = (await Conversations.GetThreadAsync(ann.Id, thread, Ct)).LastVersion;

        await state.ReconnectedAsync();

        Assert.Equal(ConversationFeed.PageSize, state.Feed.Window.Messages.Count);
        Assert.All(state.Feed.Window.Messages, m => Assert.Equal("👍", Assert.Single(m.Reactions).Emoji));
        Assert.Equal("the last one, edited", state.Feed.Window.Messages[^1].Body);
        Assert.Equal(latest, state.Changes.LastVersion);
    }

    [Fact]
    public async Task ChangedAsync_OriginalOfAHeldReplyEdited_RefreshesTheQuote()
    {
        var (ann, bob, thread) = await DirectAsync();
        var original = await SendAsync(bob, thread, "When shall we meet?");
        await Messages.PostAsync(ann.Id, thread, new MessageDraft { ClientMessageId = Guid.NewGuid().ToString(), Body = "At 3", ReplyToId = original.Id.ToString() }, Ct);
        using var state = await OpenAsync(ann, thread);

        await state.ChangedAsync(await Changes.DeleteAsync(bob.Id, thread, original.Id, Ct));

        var quote = state.Feed.Window.Messages[1].ReplyTo!;
        Assert.True(quote.IsDeleted);
        Assert.Null(quote.Preview);
    }

    [Fact]
    public async Task ChangedAsync_ChangeOvertakesItsMessage_TakesItAsReceivedAndDropsTheOlderArrival()
    {
        var (ann, bob, thread) = await DirectAsync();
        using var state = await OpenAsync(ann, thread);
        var sent = await SendAsync(bob, thread, "hello");
        var reacted = await Changes.ReactAsync(bob.Id, thread, sent.Id, "👍", true, Ct);

        await state.ChangedAsync(reacted);
        await state.ReceiveAsync(sent);

        var held = Assert.Single(state.Feed.Window.Messages);
        Assert.Equal("👍", Assert.Single(held.Reactions).Emoji);
        Assert.Equal(reacted.Version, state.Changes.LastVersion);
    }

    [Fact]
    public async Task NoteReadUpTo_PeerReadFurther_RaisesTheirMarkOnly()
    {
        var (ann, bob, thread) = await DirectAsync();
        await SendAsync(ann, thread, "one");
        await SendAsync(ann, thread, "two");
        using var state = await OpenAsync(ann, thread);

        state.NoteReadUpTo(new ReadUpTo(thread, bob.UserName, 2));
        state.NoteReadUpTo(new ReadUpTo(thread, bob.UserName, 1));

        Assert.Equal(2, state.Peer!.LastReadSeq);
    }

    private async Task<(CurrentUser Ann, CurrentUser Bob, Guid Thread)> DirectAsync()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var thread = await Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        return (ann, bob, thread.Id);
    }

    private async Task<ConversationState> OpenAsync(CurrentUser reader, Guid thread)
    {
        var state = new ConversationState(
            Conversations, Messages, Service<MessageSearchService>(), Service<ThreadSettingsService>(), Service<PresenceService>(), reader, thread,
            TimeProvider.System, NullLogger.Instance, Ct);
        await state.OpenAsync();
        return state;
    }
}
