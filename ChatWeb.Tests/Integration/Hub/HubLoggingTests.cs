using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Presence;
using ChatWeb.Hubs;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ChatWeb.Tests.Integration.Hub;

/// <summary>Refusals are answered and logged quietly, once; only faults reach Error; typed text reaches the log escaped.</summary>
public sealed class HubLoggingTests(HubLoggingTests.QuietFactory factory) : IClassFixture<HubLoggingTests.QuietFactory>
{
    /// <summary>A small bucket so "too fast" comes quickly, ChatWeb's debug entries on, and a presence tracker that can be made to fail.</summary>
    public sealed class QuietFactory : ChatWebFactory
    {
        public FailingPresenceTracker Presence { get; } = new();

        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            builder.UseSetting("Realtime:SendRateLimit:Burst", "5");
            builder.UseSetting("Realtime:SendRateLimit:PerSecond", "1");
            builder.UseSetting("Logging:LogLevel:ChatWeb", "Debug");
            builder.ConfigureTestServices(services => services.AddSingleton<IPresenceTracker>(Presence));
        }
    }

    [Fact]
    public async Task AbusiveBurst_TooFastNotFoundAndBadArguments_NoErrorEntriesAndEachRefusalLoggedOnce()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var device = await HubTestClient.ConnectAsync(factory, alice);
        var thread = (await device.InvokeAsync<ThreadSummary>("OpenDirect", bob)).Id.ToString();
        var window = factory.Logs.Window();

        var calls = new List<Func<Task>>();
        calls.AddRange(Enumerable.Range(0, 40).Select(i => (Func<Task>)(() => device.InvokeAsync<ChatMessage>("SendMessage", thread, $"flood-{i}", "spam"))));
        calls.AddRange(Enumerable.Range(0, 10).Select(_ => (Func<Task>)(() => device.InvokeAsync<ThreadSummary>("GetThread", Guid.NewGuid().ToString()))));
        calls.AddRange(Enumerable.Range(0, 5).Select(_ => (Func<Task>)(() => device.InvokeAsync<ThreadSummary>("GetThread", "not-a-guid"))));
        calls.AddRange(Enumerable.Range(0, 5).Select(_ => (Func<Task>)(() => device.InvokeAsync<ThreadSummary>("MarkRead", thread, "not a number"))));
        calls.AddRange(Enumerable.Range(0, 5).Select(_ => (Func<Task>)(() => device.InvokeAsync<ChatMessage>("SendMessage", thread))));
        var refusals = await Task.WhenAll(calls.Select(RefusalOf));

        var entries = window.Entries;
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Error);
        var logged = entries.Where(e => e.Category == typeof(ChatHubFilter).FullName).ToList();
        var reachedTheHub = refusals.Count(r => r is not null && !r.Contains("Failed to invoke"));
        Assert.Equal(reachedTheHub, logged.Count);
        Assert.All(logged, e => Assert.Null(e.Exception));
        Assert.All(logged, e => Assert.InRange(e.Level, LogLevel.Debug, LogLevel.Information));
        Assert.Contains(refusals, r => r?.Contains("Too fast:") == true);
        Assert.Contains(refusals, r => r?.Contains("Error binding arguments") == true);
        Assert.Contains(refusals, r => r?.Contains("provides 1 argument(s) but target expects 3") == true);
        Assert.True(device.Connection.State == Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected);
    }

    [Fact]
    public async Task Refusal_TypedControlCharacters_ReachTheLogOnlyEscaped()
    {
        var alice = await factory.RegisterUserAsync();
        await using var device = await HubTestClient.ConnectAsync(factory, alice);
        var window = factory.Logs.Window();

        var refusal = await RefusalOf(() => device.InvokeAsync<ThreadSummary>("OpenDirect", "evil\u001b[31m\r\ninfo: forged entry\0\u202E@corp.example"));

        Assert.Contains("No one is registered as", refusal);
        var entries = window.Entries;
        Assert.DoesNotContain(entries, e => e.AllText.Any(c => c is '\u001b' or '\r' or '\0' or '\u202E'));
        var logged = Assert.Single(entries, e => e.Category == typeof(ChatHubFilter).FullName);
        Assert.Contains(@"evil\u001B[31m\r\ninfo: forged entry\u0000\u202E@corp.example", logged.Message);
        Assert.Equal(LogLevel.Information, logged.Level);
    }

    [Fact]
    public async Task HubMethod_UnexpectedFault_LoggedOnceAtErrorAndAnsweredWithoutDetail()
    {
        var alice = await factory.RegisterUserAsync();
        await using var device = await HubTestClient.ConnectAsync(factory, alice);
        var window = factory.Logs.Window();
        factory.Presence.FailLookUps = true;

        var refusal = await RefusalOf(() => device.InvokeAsync<List<PresenceView>>("GetPresence", (object)new[] { alice }));
        factory.Presence.FailLookUps = false;

        Assert.Contains(ChatHubFilter.UnexpectedErrorMessage, refusal);
        Assert.DoesNotContain(FailingPresenceTracker.Secret, refusal);
        var error = Assert.Single(window.Entries, e => e.Level >= LogLevel.Error);
        Assert.Equal(typeof(ChatHubFilter).FullName, error.Category);
        Assert.Contains(FailingPresenceTracker.Secret, error.Exception!.Message);
    }

    private static async Task<string?> RefusalOf(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (HubException e)
        {
            return e.Message;
        }
    }

    /// <summary>The in-memory tracker, whose look-ups fail on demand, as a broken store would.</summary>
    public sealed class FailingPresenceTracker : IPresenceTracker
    {
        public const string Secret = "presence store at 10.1.2.3 refused the login";

        private readonly InMemoryPresenceTracker inner = new();

        public volatile bool FailLookUps;

        public Task<bool> ConnectedAsync(string userId, string connectionId) => inner.ConnectedAsync(userId, connectionId);

        public Task<bool> DisconnectedAsync(string userId, string connectionId) => inner.DisconnectedAsync(userId, connectionId);

        public Task<IReadOnlySet<string>> OnlineAmongAsync(IReadOnlyCollection<string> userIds) =>
            FailLookUps ? throw new InvalidOperationException(Secret) : inner.OnlineAmongAsync(userIds);

        public Task<IReadOnlyList<LapsedUser>> TakeLapsedAsync() => inner.TakeLapsedAsync();
    }
}
