using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace ChatWeb.Components.Shared;

/// <summary>
/// Asks the browser for its time zone once per circuit, then ticks at the start of every minute so
/// that "today", "5 min ago" and the like stay true on a page left open: "Today" turns into
/// "Yesterday" as midnight strikes, not up to a minute later, nor when the next message arrives.
/// Every zone's offset is whole minutes, so a UTC minute starts with a local one. Until the browser
/// answers (and during prerendering, which has no browser to ask) times are shown in UTC.
/// </summary>
public sealed partial class LocalClockProvider : IAsyncDisposable
{
    private static readonly TimeSpan TickEvery = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    private LocalClock clock = null!;
    private ITimer? ticker;

    [Inject] public required IJSRuntime JS { get; init; }
    [Inject] public required TimeProvider Time { get; init; }

    [Parameter] public RenderFragment? ChildContent { get; set; }

    protected override void OnInitialized() => clock = LocalClock.Utc(Time);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }
        ticker = Time.CreateTimer(_ => _ = InvokeAsync(Tick), null, UntilNextMinute(), Timeout.InfiniteTimeSpan);
        if (await AskBrowserAsync(JS) is { } zone)
        {
            clock = new LocalClock(zone, Time.GetUtcNow());
            StateHasChanged();
        }
    }

    private void Tick()
    {
        clock = clock with { UtcNow = Time.GetUtcNow() };
        // Set again from the time now, rather than periodic, so the ticks never drift off the minute
        // (and a tick that came a hair early is followed by another right at the minute).
        ticker?.Change(UntilNextMinute(), Timeout.InfiniteTimeSpan);
        StateHasChanged();
    }

    private TimeSpan UntilNextMinute() => TickEvery - TimeSpan.FromTicks(Time.GetUtcNow().UtcTicks % TickEvery.Ticks);

    /// <summary>The browser's zone, or null when it cannot say; also used by views that must not show a UTC frame first.</summary>
    internal static async Task<TimeZoneInfo?> AskBrowserAsync(IJSRuntime js)
    {
        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference>("import", "./Components/Shared/LocalClockProvider.razor.js");
            var reply = await module.InvokeAsync<BrowserZone?>("timeZone");
            return reply is null ? null : ToTimeZone(reply);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or OperationCanceledException)
        {
            // The tab closed or the script failed: UTC is still correct, only less friendly.
            return null;
        }
    }

    /// <summary>The browser's answer is client input: an unknown id or an absurd offset falls back, never throws.</summary>
    internal static TimeZoneInfo? ToTimeZone(BrowserZone reply)
    {
        if (!string.IsNullOrWhiteSpace(reply.Id) && reply.Id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(reply.Id, out var zone))
        {
            return zone;
        }
        var offset = TimeSpan.FromMinutes(reply.OffsetMinutes);
        return offset.Duration() <= MaxOffset
            ? TimeZoneInfo.CreateCustomTimeZone("browser", offset, "Browser time", "Browser time")
            : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (ticker is not null)
        {
            await ticker.DisposeAsync();
        }
    }

    internal sealed record BrowserZone(string? Id, int OffsetMinutes);
}
