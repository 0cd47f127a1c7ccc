using Microsoft.AspNetCore.SignalR;

namespace ChatWeb.Bench.Baseline;

/// <summary>
/// The bare relay: no auth, no storage, no validation. Each connection joins a per-user group as
/// the chat hub does; a send goes to one group and is answered with what was sent.
/// </summary>
internal sealed class RelayHub : Hub
{
    public const string Path = "/hubs/relay";

    public override async Task OnConnectedAsync()
    {
        var user = Context.GetHttpContext()?.Request.Query["user"].ToString();
        if (!string.IsNullOrEmpty(user))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, "user:" + user);
        }
        await base.OnConnectedAsync();
    }

    public Task Join(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);

    public async Task<WireMessage> Send(string to, WireMessage message)
    {
        await Clients.Group(to).SendAsync("MessageReceived", message);
        return message;
    }
}
