namespace ChatWeb.Domain.Chat;

/// <summary>
/// The delivery port: services announce what they committed; the web app pushes it to every
/// device of the users named (user ids). Called only after the transaction commits.
/// </summary>
public interface IChatNotifier
{
    Task MessageStoredAsync(ChatMessage message, IReadOnlyCollection<string> recipientIds, CancellationToken ct);

    /// <summary>Each user gets the thread as they see it.</summary>
    Task ThreadUpdatedAsync(IReadOnlyDictionary<string, ThreadSummary> viewsByUserId, CancellationToken ct);

    /// <summary>
    /// New messages moved a thread on; each user gets it as they see it. Only devices that do not
    /// derive the change from the messages themselves (<see cref="ThreadSummary.WithMessage"/>) need it.
    /// </summary>
    Task ThreadAdvancedAsync(IReadOnlyDictionary<string, ThreadSummary> viewsByUserId, CancellationToken ct);

    Task ThreadRemovedAsync(Guid threadId, IReadOnlyCollection<string> userIds, CancellationToken ct);

    Task ContactsChangedAsync(string userId, CancellationToken ct);

    Task PresenceChangedAsync(Presence.PresenceView presence, IReadOnlyCollection<string> userIds, CancellationToken ct);
}
