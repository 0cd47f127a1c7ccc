using ChatWeb.Realtime;

namespace ChatWeb.Tests.Components.Conversation.Fakes;

/// <summary>Live events on demand: tests raise what the hub would push, and see what the component sent.</summary>
public sealed class FakeChatEvents : IChatEvents
{
    private readonly Lock gate = new();
    private readonly List<(Type Type, Func<object, Task> Handler)> handlers = [];

    public bool IsConnected { get; set; } = true;

    public int StartCount { get; private set; }

    public List<Guid> TypingSent { get; } = [];

    public Task EnsureStartedAsync(CancellationToken ct = default)
    {
        StartCount++;
        return Task.CompletedTask;
    }

    public IDisposable On<TEvent>(Func<TEvent, Task> handler)
    {
        var entry = (typeof(TEvent), (Func<object, Task>)(e => handler((TEvent)e)));
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
            return handlers.Count(h => h.Type == typeof(TEvent));
        }
    }

    /// <summary>Delivers an event to every subscriber, as the real connection would, off the renderer's context.</summary>
    public async Task RaiseAsync<TEvent>(TEvent e)
        where TEvent : notnull
    {
        List<Func<object, Task>> targets;
        lock (gate)
        {
            targets = handlers.Where(h => h.Type == typeof(TEvent)).Select(h => h.Handler).ToList();
        }
        await Task.Run(async () =>
        {
            foreach (var target in targets)
            {
                await target(e);
            }
        });
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
