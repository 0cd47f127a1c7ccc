using System.Collections.Concurrent;
using ChatWeb.Domain.Administration;

namespace ChatWeb.Tests.Domain.Infrastructure;

/// <summary>Remembers whose sessions the rules asked to end (the hub's side is tested in Integration).</summary>
public sealed class RecordingSessionTerminator : ISessionTerminator
{
    public ConcurrentQueue<string> UserIds { get; } = new();

    public Task EndSessionsAsync(string userId, CancellationToken ct = default)
    {
        UserIds.Enqueue(userId);
        return Task.CompletedTask;
    }
}
