using System.Net;
using System.Reflection;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Data;
using ChatWeb.Hubs;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ChatWeb.Tests.Integration.Hub;

/// <summary>
/// Every public method of ChatHub, found by reflection so that a method added later is fuzzed too,
/// called with bad values for each argument in turn (the others valid), with too few and too many
/// arguments. Each call is answered (a refusal says what was wrong; no call is a server fault), the
/// connection and the server stay up, and every text stored is in its clean form.
/// </summary>
public sealed class HubFuzzTests(ChatWebFactory factory) : IClassFixture<ChatWebFactory>
{
    private static readonly string[] LifetimeMethods = [nameof(ChatHub.OnConnectedAsync), nameof(ChatHub.OnDisconnectedAsync), nameof(ChatHub.Dispose)];

    public static IEnumerable<MethodInfo> HubMethods() =>
        typeof(ChatHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && !LifetimeMethods.Contains(m.Name));

    [Fact]
    public async Task EveryHubMethod_BadArguments_RefusedClearlyServerUpNothingInvalidStored()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var device = await HubTestClient.ConnectAsync(factory, alice);
        var group = await device.InvokeAsync<ThreadSummary>("CreateGroup", "Fuzz", new[] { bob });
        var window = factory.Logs.Window();
        var faults = new List<string>();
        var outcomes = new List<string>();
        var calls = 0;

        foreach (var method in HubMethods())
        {
            var parameters = method.GetParameters();
            foreach (var (parameter, index) in parameters.Select((p, i) => (p, i)))
            {
                foreach (var bad in FuzzValues.For(parameter.ParameterType))
                {
                    var args = parameters.Select(p => ValidFor(p, group.Id, bob)).ToArray();
                    args[index] = bad;
                    await CallAsync(device, method.Name, args, faults, outcomes: outcomes);
                    calls++;
                }
            }
            await CallAsync(device, method.Name, [], faults, expectRefusal: parameters.Length > 0);
            await CallAsync(device, method.Name, [.. parameters.Select(p => ValidFor(p, group.Id, bob)), "one too many"], faults, expectRefusal: true);
            calls += 2;
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{calls} calls: " + string.Join("; ", outcomes.GroupBy(o => o).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} ×{g.Count()}")));
        Assert.True(calls > 300, $"Only {calls} calls: did the hub lose its methods?");
        Assert.Empty(faults);
        Assert.Equal(HubConnectionState.Connected, device.Connection.State);
        Assert.DoesNotContain(window.Entries, e => e.Level >= LogLevel.Error);
        await AssertServerUpAsync(bob);
        await AssertEveryStoredTextCleanAsync();
    }

    [Fact]
    public async Task SendMessage_FrameOverTheSizeLimit_ClosesOnlyThatConnection()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var device = await HubTestClient.ConnectAsync(factory, alice);
        var thread = await device.InvokeAsync<ThreadSummary>("OpenDirect", bob);

        await Assert.ThrowsAnyAsync<Exception>(() => device.InvokeAsync<ChatMessage>("SendMessage", thread.Id.ToString(), "big", new string('x', 70_000)));

        await AssertServerUpAsync(bob);
        await using var again = await HubTestClient.ConnectAsync(factory, alice);
        Assert.Equal(0, (await again.InvokeAsync<ThreadSummary>("GetThread", thread.Id.ToString())).LastSeq);
    }

    private static object? ValidFor(ParameterInfo parameter, Guid threadId, string otherUser) => parameter.Name switch
    {
        "threadId" => threadId.ToString(),
        "userName" => otherUser,
        "userNames" => new[] { otherUser },
        "clientMessageId" => Guid.NewGuid().ToString(),
        "body" => "hello",
        "title" => "Fuzz",
        "nickname" => "nick",
        "query" => "an",
        "beforeSeq" => null,
        "limit" => 10,
        _ when parameter.ParameterType == typeof(string) => "x",
        _ when parameter.ParameterType == typeof(bool) => false,
        _ when parameter.ParameterType.IsValueType => Activator.CreateInstance(Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType),
        _ => null,
    };

    private static async Task CallAsync(HubTestClient device, string method, object?[] args, List<string> faults, bool expectRefusal = false, List<string>? outcomes = null)
    {
        try
        {
            await device.Connection.InvokeCoreAsync<object?>(method, args, TestContext.Current.CancellationToken);
            outcomes?.Add("accepted");
            if (expectRefusal)
            {
                faults.Add($"{method}({args.Length} args) was accepted");
            }
        }
        catch (HubException refusal)
        {
            outcomes?.Add(refusal.Message.Contains("InvalidDataException") ? "refused by SignalR (binding)" : "refused by ChatWeb");
            // A clear refusal names its reason after SignalR's prefix: "… HubException: <reason>" or "… InvalidDataException: <reason>".
            if (refusal.Message.Contains(ChatHubFilter.UnexpectedErrorMessage) || !refusal.Message.Contains("Exception: "))
            {
                faults.Add($"{method}: {refusal.Message}");
            }
        }
    }

    private async Task AssertServerUpAsync(string userName)
    {
        using var client = factory.CreateClient();
        using var health = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await using var fresh = await HubTestClient.ConnectAsync(factory, userName);
        Assert.NotEmpty(await fresh.InvokeAsync<List<ThreadSummary>>("GetThreads"));
    }

    /// <summary>Whatever got stored passed the domain's rules: cleaning it again changes nothing.</summary>
    private async Task AssertEveryStoredTextCleanAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var bodies = await db.Messages.Select(m => m.Body).ToListAsync(TestContext.Current.CancellationToken);
        var titles = await db.Threads.Where(t => t.Title != null).Select(t => t.Title!).ToListAsync(TestContext.Current.CancellationToken);
        var nicknames = await db.ThreadMembers.Where(m => m.Nickname != null).Select(m => m.Nickname!).ToListAsync(TestContext.Current.CancellationToken);
        Assert.All(bodies, b => Assert.Equal(ChatInput.Body(b), b));
        Assert.All(titles, t => Assert.Equal(ChatInput.Title(t), t));
        Assert.All(nicknames, n => Assert.Equal(ChatInput.Nickname(n), n));
    }
}
