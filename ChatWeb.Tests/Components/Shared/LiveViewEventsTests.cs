using ChatWeb.Components.Shared;
using ChatWeb.Domain.Presence;
using ChatWeb.Realtime;
using ChatWeb.Tests.Components.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using Xunit;

namespace ChatWeb.Tests.Components.Shared;

public sealed class LiveViewEventsTests : ChatComponentTestContext
{
    private static readonly PresenceView BobOnline = new("bob@corp.example", true, null);

    private readonly FakeChatEvents events = new();
    private readonly List<string> log = [];
    private int running;
    private int mostAtOnce;

    [Fact]
    public async Task StartAsync_EventDuringTheLoad_IsHandled()
    {
        var live = Create().On<PresenceView>(p => log.Add($"presence {p.UserName}"));
        var loading = new TaskCompletionSource();

        var started = StartOnRendererAsync(live, () => Load("load", loading.Task));
        await events.RaiseAsync(BobOnline);
        loading.SetResult();
        await started;

        Assert.Equal(["load", "presence bob@corp.example", "load done"], log);
        Assert.True(events.IsConnected);
    }

    [Fact]
    public async Task Reconnected_AfterTheLoad_RunsTheReload()
    {
        var live = Create();
        await StartOnRendererAsync(live, () => Load("load"), () => Load("reload"));

        await events.RaiseAsync(new ReconnectedNotice());

        Assert.Equal(["load", "load done", "reload", "reload done"], log);
    }

    [Fact]
    public async Task Reconnected_NoReloadGiven_LoadsAgain()
    {
        var live = Create();
        await StartOnRendererAsync(live, () => Load("load"));

        await events.RaiseAsync(new ReconnectedNotice());

        Assert.Equal(["load", "load done", "load", "load done"], log);
    }

    [Fact]
    public async Task Reconnected_TwiceDuringTheLoad_ReloadsOnceAfterIt()
    {
        var live = Create();
        var loading = new TaskCompletionSource();
        var started = StartOnRendererAsync(live, () => Load("load", loading.Task), () => Load("reload"));

        await events.RaiseAsync(new ReconnectedNotice());
        await events.RaiseAsync(new ReconnectedNotice());
        loading.SetResult();
        await started;

        Assert.Equal(["load", "load done", "reload", "reload done"], log);
        Assert.Equal(1, mostAtOnce);
    }

    [Fact]
    public async Task StartAsync_ConnectionRefused_WarnsOnceAndStillLoads()
    {
        events.StartFailure = new HttpRequestException("refused");
        var live = Create();

        await StartOnRendererAsync(live, () => Load("load"));

        Assert.Equal(["load", "load done"], log);
        var warning = Assert.Single(Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("Live updates are unavailable", warning.Message);
    }

    [Fact]
    public async Task Handler_Throws_IsContainedAndLaterEventsStillArrive()
    {
        var calls = 0;
        var live = Create().On<PresenceView>(_ =>
        {
            if (++calls == 1)
            {
                throw new InvalidOperationException("broken view");
            }
        });
        await StartOnRendererAsync(live, () => Load("load"));

        await events.RaiseAsync(BobOnline);
        await events.RaiseAsync(BobOnline);

        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Stop_DropsEverySubscriptionAndCancelsTheToken()
    {
        var live = Create().On<PresenceView>(p => log.Add("presence"));
        await StartOnRendererAsync(live, () => Load("load"));
        Assert.Equal(2, events.TotalSubscriberCount());

        live.Stop();
        await events.RaiseAsync(BobOnline);

        Assert.Equal(0, events.TotalSubscriberCount());
        Assert.True(live.Token.IsCancellationRequested);
        Assert.DoesNotContain("presence", log);
    }

    [Fact]
    public async Task Dispose_DuringTheLoad_TheCancelledLoadEndsQuietly()
    {
        var live = Create();

        var started = StartOnRendererAsync(live, async () =>
        {
            await Task.Delay(Timeout.Infinite, live.Token);
        });
        live.Dispose();
        await started;

        Assert.Equal(0, events.TotalSubscriberCount());
    }

    private LiveViewEvents Create() =>
        new(events, work => Renderer.Dispatcher.InvokeAsync(work), Services.GetRequiredService<ISnackbar>(), NullLogger.Instance);

    /// <summary>As a view starts it: on its renderer's context.</summary>
    private Task StartOnRendererAsync(LiveViewEvents live, Func<Task> load, Func<Task>? reload = null) =>
        Renderer.Dispatcher.InvokeAsync(() => live.StartAsync(load, reload));

    private async Task Load(string name, Task? until = null)
    {
        mostAtOnce = Math.Max(mostAtOnce, ++running);
        log.Add(name);
        await Task.Yield();
        await (until ?? Task.CompletedTask);
        log.Add(name + " done");
        running--;
    }
}
