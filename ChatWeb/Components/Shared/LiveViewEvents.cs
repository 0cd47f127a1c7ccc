using ChatWeb.Realtime;
using MudBlazor;

namespace ChatWeb.Components.Shared;

/// <summary>
/// The start-up every live view repeats, in one place: subscribe first, then load (so nothing
/// published during the load is lost), start the circuit's connection alongside the load, and load
/// again after a reconnect (events sent while the connection was down were missed). Handlers run
/// through the view's dispatcher (its InvokeAsync), so they never race its rendering; loads run one
/// at a time, and a reload asked for during one runs once more after it, so a slower, older load
/// never overwrites a newer one. A failing handler is logged, never thrown back into the event source.
/// </summary>
internal sealed class LiveViewEvents(IChatEvents events, Func<Func<Task>, Task> dispatch, ISnackbar snackbar, ILogger logger) : IDisposable
{
    private readonly List<IDisposable> subscriptions = [];
    // Cancelled, never disposed: work still in flight may read the token once more on its way out.
    private readonly CancellationTokenSource lifetime = new();
    private Func<Task>? reload;
    private bool loading;
    private bool loadAgain;
    // The view stopped listening: it went away, or what it shows is gone.
    private bool stopped;

    /// <summary>Cancelled when the view stops listening or goes away.</summary>
    public CancellationToken Token => lifetime.Token;


    /// <summary>Handles one type of event until the view stops listening.</summary>
    public LiveViewEvents On<TEvent>(Func<TEvent, Task> handle)
    {
        if (!stopped)
        {
            subscriptions.Add(events.On<TEvent>(e => Dispatch(() => handle(e))));
        }
        return this;
    }

    public LiveViewEvents On<TEvent>(Action<TEvent> handle) => On<TEvent>(e =>
    {
        handle(e);
        return Task.CompletedTask;
    });

    /// <summary>
    /// Loads the view, already subscribed, while the connection starts. After a reconnect
    /// <paramref name="reload"/> (the load itself when null) brings the view up to date.
    /// A failure of the first load is the caller's to handle.
    /// </summary>
    public async Task StartAsync(Func<Task> load, Func<Task>? reload = null)
    {
        this.reload = reload ?? load;
        On<ReconnectedNotice>(_ => ReloadAsync());
        var connecting = ConnectAsync();
        try
        {
            await RunLoadsAsync(load);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // The view went away during its load.
        }
        await connecting;
    }

    /// <summary>Loads again now, or right after the load that is running.</summary>
    public Task ReloadAsync() => reload is null ? Task.CompletedTask : RunLoadsAsync(reload);

    /// <summary>Drops every subscription and cancels the work in flight; the view shows what it has.</summary>
    public void Stop()
    {
        stopped = true;
        subscriptions.ForEach(s => s.Dispose());
        subscriptions.Clear();
        lifetime.Cancel();
    }

    public void Dispose() => Stop();

    private async Task RunLoadsAsync(Func<Task> load)
    {
        if (loading)
        {
            loadAgain = true;
            return;
        }
        loading = true;
        try
        {
            await load();
            while (loadAgain && !stopped)
            {
                loadAgain = false;
                await reload!();
            }
        }
        finally
        {
            loading = false;
            loadAgain = false;
        }
    }

    /// <summary>A view still works without live events (it shows what it loaded): a failed start is reported, not thrown.</summary>
    private async Task ConnectAsync()
    {
        try
        {
            await events.EnsureStartedAsync(lifetime.Token);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Live updates could not start");
            snackbar.Add("Live updates are unavailable right now; reload the page to try again.", Severity.Warning,
                key: "live-events-unavailable");
        }
    }

    private Task Dispatch(Func<Task> handle) => stopped ? Task.CompletedTask : dispatch(async () =>
    {
        if (stopped)
        {
            return;
        }
        try
        {
            await handle();
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Handling a live event failed.");
        }
    });
}
