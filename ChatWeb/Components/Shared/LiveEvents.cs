using ChatWeb.Realtime;
using Microsoft.Extensions.Logging;
using MudBlazor;

namespace ChatWeb.Components.Shared;

/// <summary>Starting the circuit's live connection from a view, the same way everywhere.</summary>
public static class LiveEvents
{
    /// <summary>
    /// A view still works without live events (it shows what it loaded), so a failed start is
    /// reported rather than thrown: the page stays usable and a reload tries again.
    /// </summary>
    public static async Task StartAsync(IChatEvents events, ISnackbar snackbar, ILogger logger, CancellationToken ct)
    {
        try
        {
            await events.EnsureStartedAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The view went away first.
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Live updates could not start");
            snackbar.Add("Live updates are unavailable right now; reload the page to try again.", Severity.Warning,
                key: "live-events-unavailable");
        }
    }
}
