using Microsoft.AspNetCore.SignalR;

namespace ChatWeb.Hubs;

/// <summary>What a client chooses when it connects, as query parameters of the hub's URL.</summary>
internal static class ChatHubQuery
{
    /// <summary>
    /// <c>false</c>: the client keeps its thread list from <c>MessageReceived</c>, so a new message
    /// brings it no <c>ThreadUpdated</c>. Half the events of a direct message, and a group message
    /// no longer sends every member the whole member list.
    /// </summary>
    public const string ThreadUpdatedOnMessage = "threadUpdatedOnMessage";

    public const string InvalidThreadUpdatedOnMessage = $"The {ThreadUpdatedOnMessage} parameter must be true or false.";

    /// <summary>True unless the client asked otherwise; false when the value is anything but one true or false.</summary>
    public static bool TryReadThreadUpdatedOnMessage(IQueryCollection query, out bool wanted)
    {
        var values = query[ThreadUpdatedOnMessage];
        wanted = true;
        return values.Count == 0 || (values.Count == 1 && bool.TryParse(values[0], out wanted));
    }

    /// <summary>
    /// The connection's choice. <see cref="HubQueryGuard"/> has refused a bad value before the
    /// connection was made; the exception is for a request that reached the hub some other way.
    /// </summary>
    public static bool WantsThreadUpdatedOnMessage(HttpContext? http)
    {
        if (http is null)
        {
            return true;
        }
        return TryReadThreadUpdatedOnMessage(http.Request.Query, out var wanted) ? wanted : throw new HubException(InvalidThreadUpdatedOnMessage);
    }
}
