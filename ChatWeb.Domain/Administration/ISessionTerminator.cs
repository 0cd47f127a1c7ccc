namespace ChatWeb.Domain.Administration;

/// <summary>
/// Ends every live session of a person, on every node: their hub connections close and their
/// browser sessions learn they are signed out. Called after the change that invalidates them is committed.
/// </summary>
public interface ISessionTerminator
{
    Task EndSessionsAsync(string userId, CancellationToken ct = default);
}
