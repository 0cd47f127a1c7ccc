using System.Net;
using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ChatWeb.Tests.Integration.Hub;

/// <summary>The threadUpdatedOnMessage connection option: a device that keeps its threads from the messages it receives.</summary>
public sealed class ThreadUpdatedOnMessageTests(ChatWebFactory factory) : IClassFixture<ChatWebFactory>
{
    private const string OptedOut = "threadUpdatedOnMessage=false";

    [Fact]
    public async Task SendMessage_DeviceOptedOut_GetsTheMessageButNoThreadUpdatedForIt()
    {
        var (ann, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var lean = await HubTestClient.ConnectAsync(factory, ann, OptedOut);
        await using var classic = await HubTestClient.ConnectAsync(factory, ann);
        await using var bobDevice = await HubTestClient.ConnectAsync(factory, bob);
        var thread = await bobDevice.InvokeAsync<ThreadSummary>("OpenDirect", ann);
        await lean.NextAsync<ThreadSummary>(t => t.Id == thread.Id);
        await classic.NextAsync<ThreadSummary>(t => t.Id == thread.Id);

        var sent = await bobDevice.InvokeAsync<ChatMessage>("SendMessage", thread.Id.ToString(), Guid.NewGuid().ToString(), "hello");
        // Muting reaches every device of Ann's, after whatever the send pushed to them.
        await classic.InvokeAsync<ThreadSummary>("SetMuted", thread.Id.ToString(), true);

        Assert.Equal(sent.Id, (await lean.NextAsync<ChatMessage>()).Id);
        var leanUpdates = await lean.CollectUntilAsync<ThreadSummary>(t => t.IsMuted);
        var classicUpdates = await classic.CollectUntilAsync<ThreadSummary>(t => t.IsMuted);
        Assert.Equal([(1L, 1L, true)], leanUpdates.Select(t => (t.LastSeq, t.UnreadCount, t.IsMuted)));
        Assert.Equal([(1L, 1L, false), (1L, 1L, true)], classicUpdates.Select(t => (t.LastSeq, t.UnreadCount, t.IsMuted)));
    }

    [Fact]
    public async Task MarkRead_DeviceOptedOut_StillGetsEveryOtherThreadChange()
    {
        var (ann, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var lean = await HubTestClient.ConnectAsync(factory, ann, OptedOut);
        await using var phone = await HubTestClient.ConnectAsync(factory, ann, OptedOut);
        await using var bobDevice = await HubTestClient.ConnectAsync(factory, bob);
        var thread = await bobDevice.InvokeAsync<ThreadSummary>("OpenDirect", ann);
        var sent = await bobDevice.InvokeAsync<ChatMessage>("SendMessage", thread.Id.ToString(), Guid.NewGuid().ToString(), "hello");

        await phone.InvokeAsync<ThreadSummary>("MarkRead", thread.Id.ToString(), sent.Seq);

        var read = await lean.NextAsync<ThreadSummary>(t => t.LastReadSeq == sent.Seq);
        Assert.Equal(0, read.UnreadCount);
    }

    [Theory]
    [InlineData("threadUpdatedOnMessage=no")]
    [InlineData("threadUpdatedOnMessage=false&threadUpdatedOnMessage=true")]
    public async Task Connect_OptionNeitherTrueNorFalse_RefusedWithTheReasonAndNothingLoggedAsAFault(string query)
    {
        var ann = await factory.RegisterUserAsync();
        await using var connection = await HubTestClient.BuildAsync(factory, ann, query);
        using var http = await factory.CreateBearerClientAsync(ann);
        var window = factory.Logs.Window();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(TestContext.Current.CancellationToken));
        using var negotiate = await http.PostAsync($"/hubs/chat/negotiate?negotiateVersion=1&{query}", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, negotiate.StatusCode);
        Assert.Equal("The threadUpdatedOnMessage parameter must be true or false.", await negotiate.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.DoesNotContain(window.Entries, e => e.Level >= LogLevel.Warning);
    }
}
