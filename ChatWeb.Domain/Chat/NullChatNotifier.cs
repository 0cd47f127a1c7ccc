using ChatWeb.Domain.Presence;

namespace ChatWeb.Domain.Chat;

/// <summary>For hosts with no live delivery (tools, some tests): events go nowhere.</summary>
public sealed class NullChatNotifier : IChatNotifier
{
    public Task MessageStoredAsync(ChatMessage message, IReadOnlyCollection<string> recipientIds, CancellationToken ct) => Task.CompletedTask;
    public Task ThreadUpdatedAsync(IReadOnlyDictionary<string, ThreadSummary> viewsByUserId, CancellationToken ct) => Task.CompletedTask;
    public Task MessageChangedAsync(ChatMessage message, IReadOnlyCollection<string> recipientIds, CancellationToken ct) => Task.CompletedTask;
    public Task ReadUpToAsync(ReadUpTo readUpTo, IReadOnlyCollection<string> recipientIds, CancellationToken ct) => Task.CompletedTask;
    public Task ThreadAdvancedAsync(IReadOnlyDictionary<string, ThreadSummary> viewsByUserId, CancellationToken ct) => Task.CompletedTask;
    public Task ThreadRemovedAsync(Guid threadId, IReadOnlyCollection<string> userIds, CancellationToken ct) => Task.CompletedTask;
    public Task ContactsChangedAsync(string userId, CancellationToken ct) => Task.CompletedTask;
    public Task PresenceChangedAsync(PresenceView presence, IReadOnlyCollection<string> userIds, CancellationToken ct) => Task.CompletedTask;
}
