using Microsoft.AspNetCore.SignalR.Client;

namespace ChatWeb.Bench.Clients;

/// <summary>One device of one user: a real SignalR connection living in the bench process.</summary>
internal sealed class BenchPeer(int index, string userName, HubConnection connection) : IAsyncDisposable
{
    private int closing;

    public int Index { get; } = index;
    public string UserName { get; } = userName;
    public HubConnection Connection { get; } = connection;

    /// <summary>True when the connection dropped without the bench closing it: always a failure.</summary>
    public bool DroppedUnexpectedly { get; private set; }

    public void WatchForDrops() => Connection.Closed += ex =>
    {
        if (Volatile.Read(ref closing) == 0)
        {
            DroppedUnexpectedly = true;
            Console.Error.WriteLine($"  connection of {UserName} dropped: {ex?.Message ?? "closed by the server"}");
        }
        return Task.CompletedTask;
    };

    public async ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref closing, 1);
        await Connection.DisposeAsync();
    }

    public override string ToString() => UserName;
}
