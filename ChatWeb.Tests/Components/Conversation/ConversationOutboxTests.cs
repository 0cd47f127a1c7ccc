using ChatWeb.Components.Conversation;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using ChatWeb.Domain.Presence;
using ChatWeb.Domain.Search;
using ChatWeb.Realtime;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace ChatWeb.Tests.Components.Conversation;

public sealed class ConversationOutboxTests : ConversationTestContext
{
    [Fact]
    public async Task QueueAsync_ThenDeliverAsync_PendingAtOnceThenStoredAndNoLongerPending()
    {
        var (state, ann, thread) = await OpenAsync();
        using var _ = state;

        var outgoing = await state.Outbox.QueueAsync("on my way");
        var pending = state.Feed.Outgoing.Select(o => o.Status).ToList();
        var error = await state.Outbox.DeliverAsync(outgoing);

        Assert.Equal([MessageStatus.Pending], pending);
        Assert.Null(error);
        Assert.Empty(state.Feed.Outgoing);
        var stored = Assert.Single(state.Feed.Window.Messages);
        Assert.Equal((outgoing.ClientMessageId, "on my way"), (stored.ClientMessageId, stored.Body));
        Assert.Equal(1, (await Conversations.GetThreadAsync(ann.Id, thread, Ct)).LastSeq);
    }

    [Fact]
    public async Task DeliverAsync_Refused_KeepsItMarkedFailedAndSaysWhy()
    {
        var (state, ann, thread) = await OpenAsync();
        using var _ = state;
        var outgoing = await state.Outbox.QueueAsync(new string('x', Message.BodyMaxLength + 1));

        var error = await state.Outbox.DeliverAsync(outgoing);

        Assert.StartsWith("A message can be at most", error);
        Assert.Equal(MessageStatus.Failed, Assert.Single(state.Feed.Outgoing).Status);
        Assert.Equal(0, (await Conversations.GetThreadAsync(ann.Id, thread, Ct)).LastSeq);
    }

    [Fact]
    public async Task RetryAsync_FailedAgain_SameClientIdStillFailed()
    {
        var (state, _, _) = await OpenAsync();
        using var _ = state;
        var outgoing = await state.Outbox.QueueAsync(new string('x', Message.BodyMaxLength + 1));
        await state.Outbox.DeliverAsync(outgoing);

        var error = await state.Outbox.RetryAsync(outgoing.ClientMessageId);

        Assert.NotNull(error);
        Assert.Equal(outgoing.ClientMessageId, Assert.Single(state.Feed.Outgoing).ClientMessageId);
    }

    [Fact]
    public async Task RetryAsync_UnknownClientId_DoesNothing()
    {
        var (state, _, _) = await OpenAsync();
        using var _ = state;

        var error = await state.Outbox.RetryAsync("not-a-queued-id");

        Assert.Null(error);
        Assert.Empty(state.Feed.Outgoing);
    }

    [Fact]
    public async Task QueueAsync_ReaderScrolledUp_TakesThemBackToTheBottom()
    {
        var (state, _, _) = await OpenAsync();
        using var _ = state;
        await state.ScrolledAsync(atBottom: false);

        await state.Outbox.QueueAsync("look at this");

        Assert.True(state.Reading.IsAtBottom);
    }

    private async Task<(ConversationState State, CurrentUser Ann, Guid Thread)> OpenAsync()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var thread = (await Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct)).Id;
        var state = new ConversationState(
            Conversations, Messages, Service<MessageSearchService>(), Service<ThreadSettingsService>(), Service<PresenceService>(), ann, thread,
            TimeProvider.System, NullLogger.Instance, Ct);
        await state.OpenAsync();
        return (state, ann, thread);
    }
}
