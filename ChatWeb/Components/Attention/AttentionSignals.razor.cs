using ChatWeb.Domain.Attention;
using ChatWeb.Domain.Chat;
using ChatWeb.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace ChatWeb.Components.Attention;

/// <summary>
/// Keeps the tab's title ("(3) ChatWeb") and favicon dot in step with the thread list, and turns new
/// messages into desktop notifications by <see cref="AttentionRules"/> and the person's settings.
/// The browser module decides the rest: only one tab of the browser notifies, never about a
/// conversation that is on screen, and permission is asked only from a click on the prompt.
/// </summary>
public sealed partial class AttentionSignals
{
    private const string ModulePath = "./Components/Attention/AttentionSignals.razor.js";

    private IJSObjectReference? module;
    private DotNetObjectReference<AttentionSignals>? callbacks;
    private IDisposable? subscription;
    private CurrentUser? me;
    private NotificationSettings settings = NotificationSettings.Default;
    private string permission = "unsupported";
    private bool promptDismissed;
    private bool? dotShown;
    private Guid? openShown;
    private ElementReference permissionButton;
    private bool buttonBound;

    [Inject] public required IJSRuntime JS { get; init; }
    [Inject] public required IChatEvents Events { get; init; }
    [Inject] public required ICurrentUserAccessor CurrentUser { get; init; }
    [Inject] public required NotificationSettingsService Settings { get; init; }
    [Inject] public required ILogger<AttentionSignals> Logger { get; init; }

    /// <summary>The threads as the list shows them; null while it loads.</summary>
    [Parameter] public IReadOnlyList<ThreadSummary>? Threads { get; set; }

    [Parameter] public Guid? SelectedThreadId { get; set; }

    private long Count => Threads is null ? 0 : AttentionRules.Count(Threads);

    private string PageTitleText => Count > 0 ? $"({(Count > 99 ? "99+" : Count.ToString(System.Globalization.CultureInfo.InvariantCulture))}) ChatWeb" : "ChatWeb";

    private bool ShowPrompt => module is not null && settings.Desktop && permission == "default" && !promptDismissed;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }
        try
        {
            if (firstRender)
            {
                await StartAsync();
                return;
            }
            await SyncAsync();
        }
        catch (JSDisconnectedException)
        {
            // The tab went away.
        }
        catch (JSException ex)
        {
            // The title, the dot and notifications are niceties: a browser that refuses one must not end the chat.
            Logger.LogInformation(ex, "The tab's attention signals could not be updated.");
        }
    }

    private async Task StartAsync()
    {
        me = await CurrentUser.GetAsync();
        settings = await Settings.GetAsync(me.Id);
        subscription = Events.On<ChatMessage>(message => InvokeAsync(() => OnMessageAsync(message)));
        module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
        permission = await module.InvokeAsync<string>("start");
        // The render this asks for shows the prompt (if due); the one after it hands its button to the module.
        StateHasChanged();
    }

    /// <summary>Tells the module what changed since it was last told: the open thread, the dot, the prompt's button.</summary>
    private async Task SyncAsync()
    {
        if (module is null)
        {
            return;
        }
        if (openShown != SelectedThreadId || dotShown is null)
        {
            openShown = SelectedThreadId;
            await module.InvokeVoidAsync("setOpenThread", SelectedThreadId?.ToString());
        }
        var dot = Threads is not null && AttentionRules.AnyUnread(Threads);
        if (dot != dotShown)
        {
            dotShown = dot;
            await module.InvokeVoidAsync("setUnreadDot", dot);
        }
        if (ShowPrompt && !buttonBound && !string.IsNullOrEmpty(permissionButton.Id))
        {
            buttonBound = true;
            callbacks ??= DotNetObjectReference.Create(this);
            await module.InvokeVoidAsync("bindPermissionButton", permissionButton, callbacks);
        }
        else if (!ShowPrompt)
        {
            buttonBound = false;
            permissionButton = default;
        }
    }

    [JSInvokable]
    public Task PermissionChanged(string result) => InvokeAsync(() =>
    {
        permission = result;
        StateHasChanged();
    });

    private async Task OnMessageAsync(ChatMessage message)
    {
        if (module is null || me is null)
        {
            return;
        }
        var thread = Threads?.FirstOrDefault(t => t.Id == message.ThreadId);
        if (!AttentionRules.Notifies(message, thread, me.UserName, settings))
        {
            return;
        }
        try
        {
            await module.InvokeAsync<bool>("notify", DesktopNote.For(message, thread, me.UserName, settings));
        }
        catch (JSException ex)
        {
            // A notification is a nicety: a browser that refuses one must not disturb the chat.
            Logger.LogDebug(ex, "Desktop notification for thread {ThreadId} not shown.", message.ThreadId);
        }
        catch (JSDisconnectedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        subscription?.Dispose();
        callbacks?.Dispose();
        if (module is not null)
        {
            try
            {
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
            }
        }
    }
}
