namespace ChatWeb.Realtime;

/// <summary>Typed, disposable subscriptions; a failing handler is isolated from the others.</summary>
internal sealed class ChatEventSubscriptions
{
    private readonly Lock gate = new();
    private readonly List<(Type Type, Delegate Handler)> handlers = [];

    public IDisposable Add<TEvent>(Func<TEvent, Task> handler)
    {
        var entry = (typeof(TEvent), (Delegate)handler);
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

    public async Task PublishAsync<TEvent>(TEvent payload)
    {
        List<Func<TEvent, Task>> targets;
        lock (gate)
        {
            targets = handlers.Where(h => h.Type == typeof(TEvent)).Select(h => (Func<TEvent, Task>)h.Handler).ToList();
        }
        foreach (var target in targets)
        {
            try
            {
                await target(payload);
            }
            catch (Exception)
            {
                // One broken view must not stop the others from hearing the event.
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? onDispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref onDispose, null)?.Invoke();
    }
}
