namespace ChatWeb.Realtime;

/// <summary>
/// The live events of the signed-in user, as the circuit's hub connection receives them.
/// Components subscribe with <see cref="On{TEvent}"/> and dispose the subscription when they go.
/// Event types: ChatMessage (a new message), MessageChangedNotice (an edit, delete or reaction),
/// ReadUpTo (another member read further; only where read receipts are shared), ThreadSummary,
/// ThreadRemovedNotice, PresenceView, TypingNotice, ContactsChangedNotice, ReconnectedNotice.
/// </summary>
public interface IChatEvents
{
    /// <summary>True while the hub connection is up.</summary>
    bool IsConnected { get; }

    /// <summary>Starts the connection on first use; later calls return at once.</summary>
    Task EnsureStartedAsync(CancellationToken ct = default);

    IDisposable On<TEvent>(Func<TEvent, Task> handler);

    /// <summary>Tells the thread's other members this user is typing (the hub rate-limits it).</summary>
    Task SendTypingAsync(Guid threadId);
}
