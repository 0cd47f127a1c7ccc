using Microsoft.AspNetCore.SignalR;

namespace ChatWeb.Hubs;

internal static class HubIds
{
    /// <summary>Ids travel as strings so a malformed one gets a clear message, not a binding failure.</summary>
    public static Guid Thread(string? threadId) =>
        Guid.TryParse(threadId, out var id) ? id : throw new HubException($"'{threadId}' is not a valid conversation id.");
}
