using ChatWeb.Realtime;

namespace ChatWeb.Tests.Components.Fakes;

/// <summary>
/// Stands in for the circuit's hub connection: tests raise events, and handlers run on a pool
/// thread as they would from SignalR, so a component that forgets InvokeAsync fails here too.
/// </summary>
public sealed class FakeChatEvents : IChatEvents
{
    private readonly Lock gate = new();
    private readonly List<Handler> handlers = [];

    public bool IsConnected { get; private set; }

    public int StartCalls { get; private set; }

    /// <summary>Set to make <see cref="EnsureStartedAsync"/> fail, as when the hub refuses the connection.</summary>
    public Exception? StartFailure { get; set; }

    public List<Guid> TypingSent { get; } = [];

    public Task EnsureStartedAsync(CancellationToken ct = default)
    {
        StartCalls++;
        if (StartFailure is not null)
        {
            return Task.FromException(StartFailure);
        }
        IsConnected = true;
        return Task.CompletedTask;
    }

    public IDisposable On<TEvent>(Func<TEvent, Task> handler)
    {
        var entry = new Handler(typeof(TEvent), e => handler((TEvent)e));
        lock (gate)
        {
            handlers.Add(entry);
        }
        return new Subscription(() =>
        {
            lock (gate)
            {
                handlers.Remove(entry);
            }
        });
    }

    public Task SendTypingAsync(Guid threadId)
    {
        TypingSent.Add(threadId);
        return Task.CompletedTask;
    }

    public int SubscriberCount<TEvent>()
    {
        lock (gate)
        {
            return handlers.Count(h => h.EventType == typeof(TEvent));
        }
    }

    public int TotalSubscriberCount()
    {
        lock (gate)
        {
            return handlers.Count;
        }
    }

    /// <summary>Delivers the event to every current subscriber of its type and waits for them all.</summary>
    public async Task RaiseAsync<TEvent>(TEvent notice) where TEvent : notnull
    {
        Handler[] targets;
        lock (gate)
        {
            targets = handlers.Where(h => h.EventType == typeof(TEvent)).ToArray();
        }
        await Task.Run(() => Task.WhenAll(targets.Select(h => h.Invoke(notice))));
    }

    private sealed record Handler(Type EventType, Func<object, Task> Invoke);

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                unsubscribe();
            }
        }
    }
}
