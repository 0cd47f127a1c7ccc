using System.Collections.Concurrent;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Presence;

namespace ChatWeb.Tests.Domain.Infrastructure;

/// <summary>Keeps every announcement the services make, in order, for the test to inspect.</summary>
public sealed class RecordingChatNotifier : IChatNotifier
{
    private readonly ConcurrentQueue<MessageStored> messagesStored = new();
    private readonly ConcurrentQueue<MessageStored> messagesChanged = new();
    private readonly ConcurrentQueue<ReadUpToSent> readsUpTo = new();
    private readonly ConcurrentQueue<ThreadUpdated> threadsUpdated = new();
    private readonly ConcurrentQueue<ThreadUpdated> threadsAdvanced = new();
    private readonly ConcurrentQueue<ThreadRemoved> threadsRemoved = new();
    private readonly ConcurrentQueue<string> contactsChanged = new();
    private readonly ConcurrentQueue<PresenceChanged> presenceChanged = new();

    public sealed record MessageStored(ChatMessage Message, IReadOnlyCollection<string> RecipientIds);
    public sealed record ReadUpToSent(ReadUpTo ReadUpTo, IReadOnlyCollection<string> RecipientIds);
    public sealed record ThreadUpdated(IReadOnlyDictionary<string, ThreadSummary> ViewsByUserId);
    public sealed record ThreadRemoved(Guid ThreadId, IReadOnlyCollection<string> UserIds);
    public sealed record PresenceChanged(PresenceView Presence, IReadOnlyCollection<string> UserIds);

    /// <summary>Runs while a message is being announced: lets a test look at the database at that moment.</summary>
    public Func<ChatMessage, Task>? OnMessageStored { get; set; }

    /// <summary>Runs before a presence change is kept: lets a test make the push fail.</summary>
    public Func<PresenceView, Task>? OnPresenceChanged { get; set; }

    public IReadOnlyList<MessageStored> MessagesStored => [.. messagesStored];
    public IReadOnlyList<MessageStored> MessagesChanged => [.. messagesChanged];
    public IReadOnlyList<ReadUpToSent> ReadsUpTo => [.. readsUpTo];
    public IReadOnlyList<ThreadUpdated> ThreadsUpdated => [.. threadsUpdated];

    /// <summary>Threads moved on by new messages (<see cref="IChatNotifier.ThreadAdvancedAsync"/>).</summary>
    public IReadOnlyList<ThreadUpdated> ThreadsAdvanced => [.. threadsAdvanced];
    public IReadOnlyList<ThreadRemoved> ThreadsRemoved => [.. threadsRemoved];
    public IReadOnlyList<string> ContactsChanged => [.. contactsChanged];
    public IReadOnlyList<PresenceChanged> PresenceChanges => [.. presenceChanged];

    public int Count => messagesStored.Count + messagesChanged.Count + readsUpTo.Count + threadsUpdated.Count + threadsAdvanced.Count + threadsRemoved.Count + contactsChanged.Count + presenceChanged.Count;

    public void Clear()
    {
        messagesStored.Clear();
        messagesChanged.Clear();
        readsUpTo.Clear();
        threadsUpdated.Clear();
        threadsAdvanced.Clear();
        threadsRemoved.Clear();
        contactsChanged.Clear();
        presenceChanged.Clear();
    }

    public async Task MessageStoredAsync(ChatMessage message, IReadOnlyCollection<string> recipientIds, CancellationToken ct)
    {
        if (OnMessageStored is { } inspect)
        {
            await inspect(message);
        }
        messagesStored.Enqueue(new MessageStored(message, [.. recipientIds]));
    }

    public Task MessageChangedAsync(ChatMessage message, IReadOnlyCollection<string> recipientIds, CancellationToken ct)
    {
        messagesChanged.Enqueue(new MessageStored(message, [.. recipientIds]));
        return Task.CompletedTask;
    }

    public Task ReadUpToAsync(ReadUpTo readUpTo, IReadOnlyCollection<string> recipientIds, CancellationToken ct)
    {
        readsUpTo.Enqueue(new ReadUpToSent(readUpTo, [.. recipientIds]));
        return Task.CompletedTask;
    }

    public Task ThreadUpdatedAsync(IReadOnlyDictionary<string, ThreadSummary> viewsByUserId, CancellationToken ct)
    {
        threadsUpdated.Enqueue(new ThreadUpdated(new Dictionary<string, ThreadSummary>(viewsByUserId)));
        return Task.CompletedTask;
    }

    public Task ThreadAdvancedAsync(IReadOnlyDictionary<string, ThreadSummary> viewsByUserId, CancellationToken ct)
    {
        threadsAdvanced.Enqueue(new ThreadUpdated(new Dictionary<string, ThreadSummary>(viewsByUserId)));
        return Task.CompletedTask;
    }

    public Task ThreadRemovedAsync(Guid threadId, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        threadsRemoved.Enqueue(new ThreadRemoved(threadId, [.. userIds]));
        return Task.CompletedTask;
    }

    public Task ContactsChangedAsync(string userId, CancellationToken ct)
    {
        contactsChanged.Enqueue(userId);
        return Task.CompletedTask;
    }

    public async Task PresenceChangedAsync(PresenceView presence, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        if (OnPresenceChanged is { } inspect)
        {
            await inspect(presence);
        }
        presenceChanged.Enqueue(new PresenceChanged(presence, [.. userIds]));
    }
}
