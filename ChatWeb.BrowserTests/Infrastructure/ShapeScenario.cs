using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace ChatWeb.BrowserTests.Infrastructure;

/// <summary>
/// A scenario in the production shape: people reach the app through the balancer, each pinned to
/// the node the test chooses by the balancer's own affinity cookie. Whatever an earlier test took
/// down is brought back first, so each test starts from the whole shape.
/// </summary>
public abstract class ShapeScenario(ProductionShape shape, BrowserHost host)
    : BrowserScenario(host, shape.BaseUrl, () => shape.Output), IAsyncLifetime
{
    private readonly Dictionary<IPage, List<IWebSocket>> socketsByPage = [];

    protected ProductionShape Shape => shape;

    public ValueTask InitializeAsync() => new(shape.RestoreAsync());

    /// <summary>A new person with an account, on the chat page in a browser the balancer keeps on <paramref name="node"/>.</summary>
    protected async Task<Device> SignUpOnNodeAsync(string displayName, int node)
    {
        var device = await OpenOnNodeAsync(Person.Create(displayName), node);
        await device.SignUpAsync();
        return device;
    }

    /// <summary>Someone who has an account (a demo person), signed in on the chat page from <paramref name="node"/>.</summary>
    protected async Task<Device> SignInOnNodeAsync(Person person, int node)
    {
        var device = await OpenOnNodeAsync(person, node);
        await device.SignInAsync();
        return device;
    }

    /// <summary>Which node the balancer sends this browser to now, asked with the browser's own cookies.</summary>
    protected static async Task<string> ServingNodeAsync(Device device)
    {
        var response = await device.Context.APIRequest.GetAsync("healthz");
        return response.Headers.TryGetValue(ProductionShape.NodeHeader.ToLowerInvariant(), out var node) ? node : "(no node header)";
    }

    private async Task<Device> OpenOnNodeAsync(Person person, int node)
    {
        var key = await shape.AffinityKeyForAsync(node);
        var device = await OpenDeviceAsync(person);
        WatchWebSockets(device.Context, device.Page);
        await device.Context.AddCookiesAsync([new Cookie { Name = ProductionShape.AffinityCookie, Value = key, Url = shape.BaseUrl.ToString() }]);
        Assert.Equal(ProductionShape.NodeName(node), await ServingNodeAsync(device));
        return device;
    }

    /// <summary>The Blazor circuit of the page runs over an open WebSocket (not long polling or server-sent events).</summary>
    protected async Task ExpectCircuitOverWebSocketAsync(Device device)
    {
        await device.WaitUntilInteractiveAsync();
        lock (socketsByPage)
        {
            var sockets = socketsByPage.GetValueOrDefault(device.Page) ?? [];
            Assert.Contains(sockets, s => s.Url.Contains("/_blazor?id=", StringComparison.Ordinal) && !s.IsClosed);
        }
    }

    // Every page of the browser from its creation, before it loads anything: Playwright reports
    // a WebSocket to the page that opened it, and only to listeners that were there already.
    private void WatchWebSockets(IBrowserContext context, IPage firstPage)
    {
        Watch(firstPage);
        context.Page += (_, page) => Watch(page);

        void Watch(IPage page) => page.WebSocket += (_, socket) =>
        {
            lock (socketsByPage)
            {
                (socketsByPage.TryGetValue(page, out var sockets) ? sockets : socketsByPage[page] = []).Add(socket);
            }
        };
    }
}
