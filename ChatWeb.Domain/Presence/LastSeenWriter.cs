using System.Threading.Channels;
using ChatWeb.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Presence;

/// <summary>
/// Stores when people were last seen, many to a commit. A node restarting or a network blip takes
/// thousands of people's last devices at once; one commit each meant thousands of fsyncs in a row,
/// all queued with the send path for SQLite's single write lock. Each caller still waits for the
/// commit that holds its row, so the "offline" it announces next carries what is stored.
/// </summary>
internal sealed class LastSeenWriter : IDisposable
{
    /// <summary>A commit's worth: large enough for a storm to pass in a few commits, small enough to keep each one short.</summary>
    private const int MaxBatchSize = 500;

    private readonly Channel<Pending> pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDbContextFactory<ChatDbContext> dbFactory;
    private readonly Task writing;

    public LastSeenWriter(IDbContextFactory<ChatDbContext> dbFactory)
    {
        this.dbFactory = dbFactory;
        writing = Task.Run(WriteLoopAsync);
    }

    /// <param name="onlyIfLater">
    /// Keep a later time already stored. For a lapse, whose time is when a dead node last vouched
    /// for the person: they may have come back and left since, elsewhere. A departure seen here
    /// is the latest news and is stored as it is, so one node's fast clock cannot pin the time.
    /// </param>
    public Task StoreAsync(string userId, DateTime at, CancellationToken ct, bool onlyIfLater = false)
    {
        var item = new Pending(userId, at, onlyIfLater, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!pending.Writer.TryWrite(item))
        {
            throw new ObjectDisposedException(nameof(PresenceService), "The last-seen writer has stopped.");
        }
        return item.Stored.Task.WaitAsync(ct);
    }

    /// <summary>Stops taking writes; what was queued is still stored.</summary>
    public void Dispose()
    {
        pending.Writer.TryComplete();
        writing.Wait(TimeSpan.FromSeconds(10));
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatchSize);
        while (await pending.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatchSize && pending.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }
            try
            {
                await WriteAsync(batch);
                batch.ForEach(item => item.Stored.TrySetResult());
            }
            catch (Exception ex)
            {
                batch.ForEach(item => item.Stored.TrySetException(ex));
            }
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        // A person who came and went twice in one batch keeps the later time.
        foreach (var person in batch.GroupBy(item => item.UserId))
        {
            var at = person.Max(item => item.At);
            var row = db.Users.Where(u => u.Id == person.Key);
            if (person.All(item => item.OnlyIfLater))
            {
                row = row.Where(u => u.LastSeenAt == null || u.LastSeenAt < at);
            }
            await row.ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSeenAt, at));
        }
        await tx.CommitAsync();
    }

    private sealed record Pending(string UserId, DateTime At, bool OnlyIfLater, TaskCompletionSource Stored);
}
