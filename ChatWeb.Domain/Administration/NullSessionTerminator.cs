namespace ChatWeb.Domain.Administration;

/// <summary>For hosts without live sessions (tests of the rules alone).</summary>
internal sealed class NullSessionTerminator : ISessionTerminator
{
    public Task EndSessionsAsync(string userId, CancellationToken ct = default) => Task.CompletedTask;
}
