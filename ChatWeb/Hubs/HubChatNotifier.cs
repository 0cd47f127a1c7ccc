using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Presence;
using ChatWeb.Scaling;
using Microsoft.AspNetCore.SignalR;

namespace ChatWeb.Hubs;

/// <summary>
/// The delivery port over SignalR groups. With the Redis backplane the same calls reach
/// connections on every node. A failed push never fails the operation that committed: the
/// receivers catch up by seq and version when they reconnect. While Redis is away every push
/// fails; that outage is logged once (<see cref="RedisConnectionLog"/>), so these failures stay at Debug.
/// </summary>
internal sealed class HubChatNotifier : IChatNotifier, IDisposable
{
    private readonly IHubContext<ChatHub, IChatClient> hub;
    private readonly BackplaneStatus backplane;
    private readonly ILogger<HubChatNotifier> logger;
    private readonly ReadUpToCoalescer readReceipts;

    public HubChatNotifier(IHubContext<ChatHub, IChatClient> hub, BackplaneStatus backplane, ILogger<HubChatNotifier> logger, TimeProvider clock)
    {
        (this.hub, this.backplane, this.logger) = (hub, backplane, logger);
        readReceipts = new ReadUpToCoalescer(clock, (read, userIds) =>
            Safely(() => hub.Clients.Groups(UserGroups.For(userIds)).ReadUpTo(read), "ReadUpTo"));
    }

    public Task MessageStoredAsync(ChatMessage message, IReadOnlyCollection<string> recipientIds, CancellationToken ct) =>
        Safely(() => hub.Clients.Groups(UserGroups.For(recipientIds)).MessageReceived(message), "MessageReceived");

    public Task MessageChangedAsync(ChatMessage message, IReadOnlyCollection<string> recipientIds, CancellationToken ct) =>
        Safely(() => hub.Clients.Groups(UserGroups.For(recipientIds)).MessageChanged(message), "MessageChanged");

    public Task ReadUpToAsync(ReadUpTo readUpTo, IReadOnlyCollection<string> recipientIds, CancellationToken ct) =>
        readReceipts.OfferAsync(readUpTo, recipientIds);

    public Task ThreadUpdatedAsync(IReadOnlyDictionary<string, ThreadSummary> viewsByUserId, CancellationToken ct) =>
        SendViews(viewsByUserId, UserGroups.For);

    // Only to the connections that did not opt out of a ThreadUpdated for every message.
    public Task ThreadAdvancedAsync(IReadOnlyDictionary<string, ThreadSummary> viewsByUserId, CancellationToken ct) =>
        SendViews(viewsByUserId, UserGroups.ThreadUpdatesOnMessage);

    public Task ThreadRemovedAsync(Guid threadId, IReadOnlyCollection<string> userIds, CancellationToken ct) =>
        Safely(() => hub.Clients.Groups(UserGroups.For(userIds)).ThreadRemoved(threadId), "ThreadRemoved");

    public Task ContactsChangedAsync(string userId, CancellationToken ct) =>
        Safely(() => hub.Clients.Group(UserGroups.For(userId)).ContactsChanged(), "ContactsChanged");

    public Task PresenceChangedAsync(PresenceView presence, IReadOnlyCollection<string> userIds, CancellationToken ct) =>
        Safely(() => hub.Clients.Groups(UserGroups.For(userIds)).PresenceChanged(presence), "PresenceChanged");

    public void Dispose() => readReceipts.Dispose();

    private Task SendViews(IReadOnlyDictionary<string, ThreadSummary> viewsByUserId, Func<string, string> groupOf) =>
        Safely(() => Task.WhenAll(viewsByUserId.Select(v => hub.Clients.Group(groupOf(v.Key)).ThreadUpdated(v.Value))), "ThreadUpdated");

    private async Task Safely(Func<Task> push, string eventName)
    {
        try
        {
            await push();
        }
        catch (Exception ex) when (backplane.Explains(ex))
        {
            logger.LogDebug(ex, "Could not push {Event} while Redis is unreachable; clients will catch up by seq.", eventName);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not push {Event}; clients will catch up on reconnect.", eventName);
        }
    }
}
