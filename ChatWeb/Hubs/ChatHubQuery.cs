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

    /// <summary>True unless the client asked otherwise; anything but one true or false is refused.</summary>
    public static bool WantsThreadUpdatedOnMessage(HttpContext? http)
    {
        var values = http?.Request.Query[ThreadUpdatedOnMessage] ?? default;
        if (values.Count == 0)
        {
            return true;
        }
        if (values.Count == 1 && bool.TryParse(values[0], out var wanted))
        {
            return wanted;
        }
        throw new HubException($"The {ThreadUpdatedOnMessage} parameter must be true or false.");
    }
}
