using Bunit;
using ChatWeb.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatWeb.Tests.Components.Shared;

public sealed class LocalClockProviderTests : BunitContext
{
    private const string Module = "./Components/Shared/LocalClockProvider.razor.js";

    public LocalClockProviderTests()
    {
        Services.AddSingleton(TimeProvider.System);
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Render_BrowserReportsOffset_CascadesThatZone()
    {
        JSInterop.SetupModule(Module).Setup<LocalClockProvider.BrowserZone?>("timeZone")
            .SetResult(new LocalClockProvider.BrowserZone("Nowhere/Unknown", 330));

        var cut = Render<LocalClockProvider>(p => p.AddChildContent<ClockProbe>());

        cut.WaitForAssertion(() => Assert.Equal("05:30:00", cut.Find(".zone").TextContent));
    }

    [Fact]
    public void Render_BrowserSilent_StaysOnUtc()
    {
        var cut = Render<LocalClockProvider>(p => p.AddChildContent<ClockProbe>());

        Assert.Equal("00:00:00", cut.Find(".zone").TextContent);
    }

    [Theory]
    [InlineData(null, 60 * 15)]
    [InlineData("", -60 * 15)]
    public void ToTimeZone_OffsetBeyondAnyRealZone_IsRefused(string? id, int offsetMinutes)
    {
        Assert.Null(LocalClockProvider.ToTimeZone(new LocalClockProvider.BrowserZone(id, offsetMinutes)));
    }

    [Fact]
    public void ToTimeZone_KnownIanaId_UsesTheRealZoneWithItsRules()
    {
        var zone = LocalClockProvider.ToTimeZone(new LocalClockProvider.BrowserZone("UTC", 0));

        Assert.NotNull(zone);
        Assert.Equal(TimeSpan.Zero, zone.BaseUtcOffset);
    }
}
