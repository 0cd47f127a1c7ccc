using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ChatWeb.Tests.Integration.Hub;

/// <summary>
/// What SignalR itself logs, with the dispatcher's category turned back on: every exception out of
/// a hub method at Error with its stack (so appsettings.json turns that category off and
/// ChatHubFilter logs instead), and arguments it cannot bind at Debug.
/// </summary>
public sealed class SignalRLoggingTests(SignalRLoggingTests.DispatcherLogFactory factory) : IClassFixture<SignalRLoggingTests.DispatcherLogFactory>
{
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public sealed class DispatcherLogFactory : ChatWebFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder) =>
            builder.UseSetting($"Logging:LogLevel:{DispatcherCategory}", "Debug");
    }

    [Fact]
    public async Task HubMethodRefusal_DispatcherCategoryOn_LoggedByDispatcherAtErrorWithStack()
    {
        var alice = await factory.RegisterUserAsync();
        await using var device = await HubTestClient.ConnectAsync(factory, alice);
        var window = factory.Logs.Window();

        await Assert.ThrowsAsync<HubException>(() => device.InvokeAsync<ThreadSummary>("GetThread", Guid.NewGuid().ToString()));

        var entry = Assert.Single(window.Entries, e => e.Category == DispatcherCategory && e.EventId.Name == "FailedInvokingHubMethod");
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.IsType<HubException>(entry.Exception);
    }

    [Fact]
    public async Task WrongArgumentType_DispatcherCategoryOn_LoggedByDispatcherAtDebug()
    {
        var alice = await factory.RegisterUserAsync();
        await using var device = await HubTestClient.ConnectAsync(factory, alice);
        var window = factory.Logs.Window();

        await Assert.ThrowsAsync<HubException>(() => device.InvokeAsync<ThreadSummary>("MarkRead", Guid.NewGuid().ToString(), "not a number"));

        var entry = Assert.Single(window.Entries, e => e.Category == DispatcherCategory && e.EventId.Name == "InvalidHubParameters");
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.DoesNotContain(window.Entries, e => e.Level >= LogLevel.Error);
    }
}
