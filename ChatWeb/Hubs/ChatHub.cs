using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Contacts;
using ChatWeb.Domain.Presence;
using ChatWeb.Domain.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ChatWeb.Hubs;

/// <summary>
/// The one real-time path, for the browser UI and any other client. Thin on purpose: who is
/// calling, then a domain service; refusals become HubExceptions in <see cref="ChatHubFilter"/>.
/// </summary>
[Authorize]
public sealed class ChatHub(
    ConversationService conversations,
    GroupService groups,
    ThreadSettingsService settings,
    MessageService messages,
    MessageChangeService changes,
    ContactService contacts,
    DirectoryService directory,
    PresenceService presence,
    TypingRelay typing,
    MessageSearchService search) : Hub<IChatClient>
{
    public const string Path = "/hubs/chat";

    private string UserId => Context.UserIdentifier ?? throw new HubException("Not signed in.");

    public override async Task OnConnectedAsync()
    {
        var threadUpdatedOnMessage = ChatHubQuery.WantsThreadUpdatedOnMessage(Context.GetHttpContext());
        await Groups.AddToGroupAsync(Context.ConnectionId, UserGroups.For(UserId));
        if (threadUpdatedOnMessage)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, UserGroups.ThreadUpdatesOnMessage(UserId));
        }
        await presence.DeviceConnectedAsync(UserId, Context.ConnectionId);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await presence.DeviceDisconnectedAsync(UserId, Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    public Task<IReadOnlyList<ThreadSummary>> GetThreads() => conversations.GetThreadsAsync(UserId, Context.ConnectionAborted);

    public Task<ThreadSummary> GetThread(string threadId) => conversations.GetThreadAsync(UserId, HubIds.Thread(threadId), Context.ConnectionAborted);

    public Task<ThreadSummary> OpenDirect(string userName) => conversations.OpenDirectAsync(UserId, userName, Context.ConnectionAborted);

    public Task<ThreadSummary> CreateGroup(string title, IReadOnlyList<string> userNames) =>
        conversations.CreateGroupAsync(UserId, title, userNames, Context.ConnectionAborted);

    public Task<ThreadSummary> AddMembers(string threadId, IReadOnlyList<string> userNames) =>
        groups.AddMembersAsync(UserId, HubIds.Thread(threadId), userNames, Context.ConnectionAborted);

    public Task RemoveMember(string threadId, string userName) =>
        groups.RemoveMemberAsync(UserId, HubIds.Thread(threadId), userName, Context.ConnectionAborted);

    public Task LeaveThread(string threadId) => groups.LeaveAsync(UserId, HubIds.Thread(threadId), Context.ConnectionAborted);

    public Task<ThreadSummary> RenameGroup(string threadId, string title) =>
        groups.RenameAsync(UserId, HubIds.Thread(threadId), title, Context.ConnectionAborted);

    /// <summary>Returns only after the message is committed; a retry with the same client id returns the same message.</summary>
    public Task<ChatMessage> SendMessage(string threadId, string clientMessageId, string body) =>
        messages.SendAsync(UserId, HubIds.Thread(threadId), clientMessageId, body, CancellationToken.None);

    /// <summary>As <see cref="SendMessage"/>, with everything a draft may carry (a reply, so far).</summary>
    public Task<ChatMessage> PostMessage(string threadId, MessageDraft draft) =>
        messages.PostAsync(UserId, HubIds.Thread(threadId), draft, CancellationToken.None);

    public Task<ChatMessage> EditMessage(string threadId, string messageId, string body) =>
        changes.EditAsync(UserId, HubIds.Thread(threadId), HubIds.Message(messageId), body, CancellationToken.None);

    public Task<ChatMessage> DeleteMessage(string threadId, string messageId) =>
        changes.DeleteAsync(UserId, HubIds.Thread(threadId), HubIds.Message(messageId), CancellationToken.None);

    public Task<ChatMessage> React(string threadId, string messageId, string emoji, bool on) =>
        changes.ReactAsync(UserId, HubIds.Thread(threadId), HubIds.Message(messageId), emoji, on, CancellationToken.None);

    public Task<MessageChanges> GetChangesAfter(string threadId, long afterVersion, int? limit) =>
        messages.GetChangesAfterAsync(UserId, HubIds.Thread(threadId), afterVersion, limit, Context.ConnectionAborted);

    public Task<IReadOnlyList<ChatMessage>> GetMessages(string threadId, long? beforeSeq, int? limit) =>
        messages.GetBeforeAsync(UserId, HubIds.Thread(threadId), beforeSeq, limit, Context.ConnectionAborted);

    public Task<IReadOnlyList<ChatMessage>> GetMessagesAfter(string threadId, long afterSeq, int? limit) =>
        messages.GetAfterAsync(UserId, HubIds.Thread(threadId), afterSeq, limit, Context.ConnectionAborted);

    public Task<SearchPage> SearchMessages(string query, string? threadId, string? before) =>
        search.SearchAsync(UserId, query, HubIds.OptionalThread(threadId), before, Context.ConnectionAborted);

    public Task<IReadOnlyList<ChatMessage>> GetMessagesAround(string threadId, long seq, int? limit) =>
        search.GetAroundAsync(UserId, HubIds.Thread(threadId), seq, limit, Context.ConnectionAborted);

    public Task<ThreadSummary> MarkRead(string threadId, long seq) =>
        settings.MarkReadAsync(UserId, HubIds.Thread(threadId), seq, Context.ConnectionAborted);

    public Task<ThreadSummary> SetMuted(string threadId, bool muted) =>
        settings.SetMutedAsync(UserId, HubIds.Thread(threadId), muted, Context.ConnectionAborted);

    public Task<ThreadSummary> SetNickname(string threadId, string? nickname) =>
        settings.SetNicknameAsync(UserId, HubIds.Thread(threadId), nickname, Context.ConnectionAborted);

    public Task Typing(string threadId) => typing.RelayAsync(UserId, HubIds.Thread(threadId), Context.ConnectionAborted);

    public Task<IReadOnlyList<PresenceView>> GetPresence(IReadOnlyList<string> userNames) =>
        presence.GetAsync(userNames ?? [], Context.ConnectionAborted);

    public Task<DirectoryPage> SearchUsers(string query, int page) => directory.SearchAsync(UserId, query, page, Context.ConnectionAborted);

    public Task<IReadOnlyList<ContactView>> GetContacts() => contacts.ListAsync(UserId, Context.ConnectionAborted);

    public Task<ContactView> AddContact(string userName) => contacts.AddAsync(UserId, userName, Context.ConnectionAborted);

    public Task RemoveContact(string userName) => contacts.RemoveAsync(UserId, userName, Context.ConnectionAborted);
}
