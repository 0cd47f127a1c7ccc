using ChatWeb.Domain.Chat;
using Microsoft.AspNetCore.SignalR;

namespace ChatWeb.Hubs;

internal static class HubIds
{
    /// <summary>Ids travel as strings so a malformed one gets a clear message, not a binding failure.</summary>
    public static Guid Thread(string? threadId) =>
        Guid.TryParse(threadId, out var id) ? id : throw new HubException($"'{threadId}' is not a valid conversation id.");

    /// <summary>An optional thread: null or empty for none.</summary>
    public static Guid? OptionalThread(string? threadId) => string.IsNullOrEmpty(threadId) ? null : Thread(threadId);

    /// <summary>Parsed by the domain's rule, which also parses the ids inside a message draft.</summary>
    public static Guid Message(string? messageId) => ChatInput.MessageId(messageId);
}
