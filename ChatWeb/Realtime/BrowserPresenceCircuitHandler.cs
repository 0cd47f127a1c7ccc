using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ChatWeb.Realtime;

/// <summary>
/// A circuit outlives its browser connection by minutes, so its disposal cannot decide presence
/// (closed tabs would look online). The browser connection's own up/down events do.
/// </summary>
internal sealed class BrowserPresenceCircuitHandler(HubChatEvents events) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        events.MarkInCircuit();
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken) => events.PauseAsync();

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken) => events.ResumeAsync();
}
