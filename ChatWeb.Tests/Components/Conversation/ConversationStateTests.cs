using ChatWeb.Components.Conversation;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Presence;
using ChatWeb.Domain.Search;
using ChatWeb.Realtime;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace ChatWeb.Tests.Components.Conversation;

/// <summary>The open conversation's state on the real domain services, without rendering.</summary>
public sealed class ConversationStateTests : ConversationTestContext
{
    [Fact]
    public async Task OpenAsync_WithUnread_OpensAtTheNewestPageWithTheDividerAtTheFirstUnread()
    {
        var (ann, bob, thread) = await DirectAsync();
        await SendAsync(ann, thread, "read already");
        await SendAsync(bob, thread, "first unread");
        await SendAsync(bob, thread, "second unread");
        using var state = Create(ann, thread);

        await state.OpenAsync();

        Assert.Equal(ConversationStatus.Open, state.Status);
        Assert.Equal([1L, 2, 3], state.Feed.Window.Messages.Select(m => m.Seq));
        Assert.Equal(2, state.Reading.UnreadFromSeq);
        Assert.Equal(bob.UserName, state.Peer?.UserName);
    }

    [Fact]
    public async Task OpenAsync_NotAMember_IsNotFoundAndHoldsNothing()
    {
        var (_, bob, thread) = await DirectAsync();
        await SendAsync(bob, thread, "private");
        var eve = await AddUserAsync("Eve");
        using var state = Create(eve, thread);

        await state.OpenAsync();

        Assert.Equal(ConversationStatus.NotFound, state.Status);
        Assert.Empty(state.Feed.Window.Messages);
        Assert.Null(state.Summary);
    }

    [Fact]
    public async Task SettleAsync_AfterOpening_MarksTheThreadRead()
    {
        var (ann, bob, thread) = await DirectAsync();
        await SendAsync(bob, thread, "hello");
        using var state = await OpenAsync(ann, thread);

        await state.SettleAsync();

        Assert.Equal(0, (await Conversations.GetThreadAsync(ann.Id, thread, Ct)).UnreadCount);
        Assert.Equal(1, state.Reading.MarkedReadSeq);
    }

    [Fact]
    public async Task ReceiveAsync_ReaderAtTheNewest_ShowsItAndMarksItRead()
    {
        var (ann, bob, thread) = await DirectAsync();
        using var state = await OpenAsync(ann, thread);

        await state.ReceiveAsync(await SendAsync(bob, thread, "hi Ann"));

        Assert.Equal("hi Ann", Assert.Single(state.Feed.Window.Messages).Body);
        Assert.Equal((1L, 1L), (state.Summary!.LastSeq, state.Summary.LastReadSeq));
        Assert.Equal(0, (await Conversations.GetThreadAsync(ann.Id, thread, Ct)).UnreadCount);
        Assert.Equal(0, state.Reading.NewWhileAway);
    }

    [Fact]
    public async Task ReceiveAsync_ReaderScrolledUp_CountsItLeavesItUnreadUntilTheyAreBack()
    {
        var (ann, bob, thread) = await DirectAsync();
        using var state = await OpenAsync(ann, thread);
        await state.ScrolledAsync(atBottom: false);

        var message = await SendAsync(bob, thread, "while you read back");
        await state.ReceiveAsync(message);
        var unreadMeanwhile = (await Conversations.GetThreadAsync(ann.Id, thread, Ct)).UnreadCount;
        await state.ScrolledAsync(atBottom: true);

        Assert.Equal(1, unreadMeanwhile);
        Assert.Equal((0, (long?)message.Seq), (state.Reading.NewWhileAway, state.Reading.UnreadFromSeq));
        Assert.Equal(0, (await Conversations.GetThreadAsync(ann.Id, thread, Ct)).UnreadCount);
    }

    [Fact]
    public async Task ReceiveAsync_TabHidden_StaysUnreadUntilTheTabShows()
    {
        var (ann, bob, thread) = await DirectAsync();
        using var state = await OpenAsync(ann, thread);
        await state.VisibilityChangedAsync(false);

        await state.ReceiveAsync(await SendAsync(bob, thread, "are you there?"));
        var unreadMeanwhile = (await Conversations.GetThreadAsync(ann.Id, thread, Ct)).UnreadCount;
        await state.VisibilityChangedAsync(true);

        Assert.Equal(1, unreadMeanwhile);
        Assert.Equal(0, (await Conversations.GetThreadAsync(ann.Id, thread, Ct)).UnreadCount);
    }

    [Fact]
    public async Task ReceiveAsync_FromSomeoneTyping_TheirTypingEnds()
    {
        var (ann, bob, thread) = await DirectAsync();
        using var state = await OpenAsync(ann, thread);
        state.NoteTyping(new TypingNotice(thread, bob.UserName, bob.DisplayName));
        state.NoteTyping(new TypingNotice(thread, ann.UserName, ann.DisplayName));
        var typing = state.Typing.ActiveDisplayNames();

        await state.ReceiveAsync(await SendAsync(bob, thread, "done typing"));

        Assert.Equal(["Bob"], typing);
        Assert.Empty(state.Typing.ActiveDisplayNames());
    }

    [Fact]
    public async Task ThreadUpdatedAsync_NewerThanHeld_CatchesUpOnTheMissedMessages()
    {
        var (ann, bob, thread) = await DirectAsync();
        using var state = await OpenAsync(ann, thread);
        await SendAsync(bob, thread, "one");
        await SendAsync(bob, thread, "two");

        await state.ThreadUpdatedAsync(await Conversations.GetThreadAsync(ann.Id, thread, Ct));

        Assert.Equal([1L, 2], state.Feed.Window.Messages.Select(m => m.Seq));
    }

    [Fact]
    public async Task ReconnectedAsync_RemovedMeanwhile_IsRemovedNotByTheReader()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var group = await Conversations.CreateGroupAsync(bob.Id, "Team", [ann.UserName], Ct);
        using var state = await OpenAsync(ann, group.Id);
        await Groups.RemoveMemberAsync(bob.Id, group.Id, ann.UserName, Ct);

        await state.ReconnectedAsync();

        Assert.Equal(ConversationStatus.Removed, state.Status);
        Assert.False(state.LeftByReader);
    }

    [Fact]
    public async Task Leave_ReportedByThePanelThenByTheEvent_TheFirstCounts()
    {
        var (ann, _, thread) = await DirectAsync();
        using var state = await OpenAsync(ann, thread);

        state.Leave(byReader: true);
        state.Leave(byReader: false);

        Assert.Equal((ConversationStatus.Removed, true), (state.Status, state.LeftByReader));
    }

    [Fact]
    public async Task OpenAsync_RemovedWhileLoading_StaysRemoved()
    {
        var (ann, _, thread) = await DirectAsync();
        using var state = Create(ann, thread);

        state.Leave(byReader: false);
        await state.OpenAsync();

        Assert.Equal(ConversationStatus.Removed, state.Status);
    }

    [Fact]
    public async Task NotePresence_OnlyThePeersCounts()
    {
        var (ann, bob, thread) = await DirectAsync();
        using var state = await OpenAsync(ann, thread);

        state.NotePresence(new PresenceView("someone@else.example", true, null));
        var before = state.PeerPresence?.IsOnline;
        state.NotePresence(new PresenceView(bob.UserName.ToUpperInvariant(), true, null));

        Assert.False(before ?? false);
        Assert.True(state.PeerPresence?.IsOnline);
    }

    private async Task<(CurrentUser Ann, CurrentUser Bob, Guid Thread)> DirectAsync()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        return (ann, bob, (await Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct)).Id);
    }

    private async Task<ConversationState> OpenAsync(CurrentUser reader, Guid thread)
    {
        var state = Create(reader, thread);
        await state.OpenAsync();
        Assert.Equal(ConversationStatus.Open, state.Status);
        return state;
    }

    private ConversationState Create(CurrentUser reader, Guid thread) => new(
        Conversations, Messages, Service<MessageSearchService>(), Service<ThreadSettingsService>(), Service<PresenceService>(), reader, thread,
        TimeProvider.System, NullLogger.Instance, Ct);
}
