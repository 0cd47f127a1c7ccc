using System.Security.Claims;
using ChatWeb.Domain.Administration;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Presence;
using ChatWeb.Hubs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatWeb.Realtime;

/// <summary>
/// The circuit's one connection to the chat hub, a device like any other: it counts for presence
/// and receives the user's events, which it hands to subscribed components. It follows the
/// browser: paused when the browser connection drops, resumed (and caught up) when it returns.
/// </summary>
internal sealed class HubChatEvents(
    AuthenticationStateProvider authState,
    CircuitTokenIssuer tokens,
    HubAddress hubAddress,
    NavigationManager navigation,
    SessionChecker sessions,
    ILogger<HubChatEvents> logger) : IChatEvents, IAsyncDisposable
{
    private readonly ChatEventSubscriptions subscriptions = new();
    private readonly SemaphoreSlim gate = new(1, 1);
    private HubConnection? connection;
    private bool inCircuit;
    private bool paused;
    private bool disposed;
    private bool signedOut;

    public bool IsConnected => connection?.State == HubConnectionState.Connected;

    public IDisposable On<TEvent>(Func<TEvent, Task> handler) => subscriptions.Add(handler);

    /// <summary>
    /// Starts the connection inside an interactive circuit; during prerendering (a plain request
    /// whose scope ends with the response) it does nothing, or every page load would flap presence.
    /// </summary>
    public async Task EnsureStartedAsync(CancellationToken ct = default)
    {
        if (!await TryStartAsync(ct))
        {
            _ = RetryStartAsync();
        }
    }

    /// <summary>Called by the circuit handler when the circuit opens.</summary>
    public void MarkInCircuit() => inCircuit = true;

    private async Task<bool> TryStartAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (!inCircuit || disposed || paused || signedOut || connection is { State: not HubConnectionState.Disconnected })
            {
                return true;
            }
            connection ??= await BuildAsync();
            await connection.StartAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or IOException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Could not connect the circuit to the chat hub; retrying.");
            return false;
        }
        finally
        {
            gate.Release();
        }
    }

    // Automatic reconnect covers drops after a successful start, not a failed first start.
    private async Task RetryStartAsync()
    {
        for (var attempt = 0; !disposed && !paused && !signedOut; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(10, 1 << Math.Min(attempt, 4))));
            if (await TryStartAsync(CancellationToken.None))
            {
                await subscriptions.PublishAsync(new ReconnectedNotice());
                return;
            }
        }
    }

    public async Task SendTypingAsync(Guid threadId)
    {
        if (IsConnected)
        {
            await connection!.SendAsync("Typing", threadId.ToString());
        }
    }

    /// <summary>The browser went away: close the device connection so others see the person offline within seconds.</summary>
    public async Task PauseAsync()
    {
        if (disposed)
        {
            return;
        }
        await gate.WaitAsync();
        try
        {
            paused = true;
            if (connection is not null)
            {
                await connection.StopAsync();
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The browser is back: reconnect and let every view fetch what it missed.</summary>
    public async Task ResumeAsync()
    {
        var wasStarted = connection is not null;
        paused = false;
        if (wasStarted)
        {
            await EnsureStartedAsync();
            await subscriptions.PublishAsync(new ReconnectedNotice());
        }
    }

    private async Task<HubConnection> BuildAsync()
    {
        var user = (await authState.GetAuthenticationStateAsync()).User;
        // The thread list moves itself on from each message, so the server need not send it a ThreadUpdated too.
        var url = QueryHelpers.AddQueryString(hubAddress.Resolve(navigation.BaseUri).ToString(), ChatHubQuery.ThreadUpdatedOnMessage, "false");
        var hub = new HubConnectionBuilder()
            .WithUrl(url, o =>
            {
                o.AccessTokenProvider = () => IssueTokenAsync(user);
                // Straight to a WebSocket (the node's own Kestrel always offers one): no negotiate
                // round trip, and no HttpClient kept for the connection's lifetime just for it.
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
            })
            .WithAutomaticReconnect(new RetryForever(() => signedOut))
            .AddJsonProtocol(o => o.PayloadSerializerOptions = RealtimeJson.Shared)
            .Build();

        hub.On<ChatMessage>("MessageReceived", subscriptions.PublishAsync);
        hub.On<ChatMessage>("MessageChanged", message => subscriptions.PublishAsync(new MessageChangedNotice(message)));
        hub.On<ReadUpTo>("ReadUpTo", subscriptions.PublishAsync);
        hub.On<ThreadSummary>("ThreadUpdated", subscriptions.PublishAsync);
        hub.On<Guid>("ThreadRemoved", id => subscriptions.PublishAsync(new ThreadRemovedNotice(id)));
        hub.On<PresenceView>("PresenceChanged", subscriptions.PublishAsync);
        hub.On<TypingNotice>("Typing", subscriptions.PublishAsync);
        hub.On("ContactsChanged", () => subscriptions.PublishAsync(new ContactsChangedNotice()));
        hub.Reconnected += _ => subscriptions.PublishAsync(new ReconnectedNotice());
        hub.Closed += error =>
        {
            if (error is not null)
            {
                logger.LogWarning(error, "The circuit's hub connection closed.");
            }
            // Closed by the server, not by the circuit (which pauses or disposes first): start again,
            // and the token check before connecting tells whether the person was signed out.
            if (!disposed && !paused && !signedOut)
            {
                _ = RetryStartAsync();
            }
            return Task.CompletedTask;
        };
        return hub;
    }

    /// <summary>
    /// Each (re)connection asks whether the circuit's sign-in is still good. When the server closed
    /// the connection because the person was deactivated, this is where the circuit learns it, and
    /// it stops reconnecting and tells the page.
    /// </summary>
    private async Task<string?> IssueTokenAsync(ClaimsPrincipal user)
    {
        var state = await sessions.CheckAsync(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", user.FindFirstValue(SecurityStampClaim));
        if (state != SessionState.Current)
        {
            signedOut = true;
            logger.LogInformation("The circuit's sign-in is no longer valid ({State}); the page is told to leave.", state);
            _ = subscriptions.PublishAsync(new SignedOutNotice(state));
            throw new InvalidOperationException("The sign-in is no longer valid.");
        }
        return tokens.Issue(user);
    }

    // The app keeps Identity's claim type for the security stamp.
    private static readonly string SecurityStampClaim = new ClaimsIdentityOptions().SecurityStampClaimType;

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
        // The gate is not disposed: the circuit's connection-down handler may still call PauseAsync after this.
    }

    /// <summary>A circuit keeps trying while the browser is attached and its sign-in holds; the delay grows to 10 s.</summary>
    private sealed class RetryForever(Func<bool> signedOut) : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) => signedOut() ? null :
            TimeSpan.FromMilliseconds(Math.Min(10_000, 250 * Math.Pow(2, Math.Min(retryContext.PreviousRetryCount, 6))));
    }
}
