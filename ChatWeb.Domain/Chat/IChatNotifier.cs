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

    /// <summary>A message changed (edited, deleted, reacted to); it carries its new version.</summary>
    Task MessageChangedAsync(ChatMessage message, IReadOnlyCollection<string> recipientIds, CancellationToken ct);

    /// <summary>
    /// New messages moved a thread on, or its last message's text changed; each user gets it as they
    /// see it. Only devices that do not derive the change from the messages themselves
    /// (<see cref="ThreadSummary.WithMessage"/>, <see cref="ThreadSummary.WithChange"/>) need it.
    /// </summary>
    Task ThreadAdvancedAsync(IReadOnlyDictionary<string, ThreadSummary> viewsByUserId, CancellationToken ct);

    /// <summary>
    /// A member's read watermark rose; only the users named may see it (read receipts). The delivery
    /// may coalesce a burst per reader and thread, as long as the latest watermark always arrives.
    /// </summary>
    Task ReadUpToAsync(ReadUpTo readUpTo, IReadOnlyCollection<string> recipientIds, CancellationToken ct);

    Task ThreadRemovedAsync(Guid threadId, IReadOnlyCollection<string> userIds, CancellationToken ct);

    Task ContactsChangedAsync(string userId, CancellationToken ct);

    Task PresenceChangedAsync(Presence.PresenceView presence, IReadOnlyCollection<string> userIds, CancellationToken ct);
}
