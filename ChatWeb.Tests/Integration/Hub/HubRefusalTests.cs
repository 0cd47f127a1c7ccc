using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;

using Xunit;

namespace ChatWeb.Tests.Integration.Hub;

public sealed class HubRefusalTests(HubRefusalTests.SmallBucketFactory factory) : IClassFixture<HubRefusalTests.SmallBucketFactory>
{
    /// <summary>A bucket small enough that the test needs no timing assumptions about how fast sends are stored.</summary>
    public sealed class SmallBucketFactory : ChatWebFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            builder.UseSetting("Realtime:SendRateLimit:Burst", "10");
            builder.UseSetting("Realtime:SendRateLimit:PerSecond", "1");
        }
    }

    private static IEnumerable<(string Method, object?[] Args)> ThreadMethods(string threadId, string messageId) =>
    [
        ("GetThread", [threadId]),
        ("SendMessage", [threadId, "cid", "hi"]),
        ("GetMessages", [threadId, null, 10]),
        ("GetMessagesAfter", [threadId, 0L, 10]),
        ("MarkRead", [threadId, 1L]),
        ("SetMuted", [threadId, true]),
        ("SetNickname", [threadId, "nick"]),
        ("RenameGroup", [threadId, "new title"]),
        ("AddMembers", [threadId, new[] { "someone@corp.example" }]),
        ("RemoveMember", [threadId, "someone@corp.example"]),
        ("LeaveThread", [threadId]),
        ("Typing", [threadId]),
        ("PostMessage", [threadId, new MessageDraft { ClientMessageId = "cid2", Body = "re", ReplyToId = messageId }]),
        ("EditMessage", [threadId, messageId, "rewritten"]),
        ("DeleteMessage", [threadId, messageId]),
        ("React", [threadId, messageId, "👍", true]),
        ("GetChangesAfter", [threadId, 0L, 10]),
        ("SearchMessages", ["secret", threadId, null]),
        ("GetMessagesAround", [threadId, 1L, 10]),
    ];

    [Fact]
    public async Task EveryThreadMethod_NonMember_RefusedAsNotFoundAndNothingWritten()
    {
        var (alice, bob, eve) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var aliceDevice = await HubTestClient.ConnectAsync(factory, alice);
        await using var eveDevice = await HubTestClient.ConnectAsync(factory, eve);
        var group = await aliceDevice.InvokeAsync<ThreadSummary>("CreateGroup", "Private", new[] { bob });
        var secret = await aliceDevice.InvokeAsync<ChatMessage>("SendMessage", group.Id.ToString(), "m1", "secret");

        foreach (var (method, args) in ThreadMethods(group.Id.ToString(), secret.Id.ToString()))
        {
            var error = await Assert.ThrowsAsync<HubException>(() => eveDevice.InvokeAsync<object>(method, args));
            Assert.Contains("Conversation not found", error.Message);
        }

        var after = await aliceDevice.InvokeAsync<ThreadSummary>("GetThread", group.Id.ToString());
        Assert.Equal("Private", after.Title);
        Assert.Equal((1L, 1L), (after.LastSeq, after.LastVersion));
        Assert.Equal(secret, Assert.Single(await aliceDevice.InvokeAsync<List<ChatMessage>>("GetMessages", group.Id.ToString(), null, 10)));
        Assert.Equal(2, after.Members.Count);
        Assert.True(eveDevice.Connection.State == Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected);
    }

    [Theory]
    [InlineData("", "A message cannot be empty.")]
    [InlineData("   \n ", "A message cannot be empty.")]
    [InlineData(null, "A message cannot be empty.")]
    public async Task SendMessage_EmptyBody_RefusedWithClearMessage(string? body, string expected)
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var device = await HubTestClient.ConnectAsync(factory, alice);
        var thread = await device.InvokeAsync<ThreadSummary>("OpenDirect", bob);

        var error = await Assert.ThrowsAsync<HubException>(() => device.InvokeAsync<ChatMessage>("SendMessage", thread.Id.ToString(), "cid", body));

        Assert.Contains(expected, error.Message);
        Assert.Equal(0, (await device.InvokeAsync<ThreadSummary>("GetThread", thread.Id.ToString())).LastSeq);
    }

    [Fact]
    public async Task SendMessage_OversizeBody_RefusedAndFourThousandCharactersAccepted()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var device = await HubTestClient.ConnectAsync(factory, alice);
        var thread = await device.InvokeAsync<ThreadSummary>("OpenDirect", bob);

        var error = await Assert.ThrowsAsync<HubException>(() => device.InvokeAsync<ChatMessage>("SendMessage", thread.Id.ToString(), "big", new string('é', 4001)));
        var accepted = await device.InvokeAsync<ChatMessage>("SendMessage", thread.Id.ToString(), "max", new string('é', 4000));

        Assert.Contains("at most 4,000 characters", error.Message);
        Assert.Equal(4000, accepted.Body.Length);
        Assert.Equal(1, accepted.Seq);
    }

    [Fact]
    public async Task SendMessage_MalformedThreadId_RefusedWithClearMessage()
    {
        var alice = await factory.RegisterUserAsync();
        await using var device = await HubTestClient.ConnectAsync(factory, alice);

        var error = await Assert.ThrowsAsync<HubException>(() => device.InvokeAsync<ChatMessage>("SendMessage", "not-a-guid", "cid", "hi"));

        Assert.Contains("is not a valid conversation id", error.Message);
    }

    [Fact]
    public async Task OpenDirect_UnknownPerson_RefusedWithClearMessage()
    {
        var alice = await factory.RegisterUserAsync();
        await using var device = await HubTestClient.ConnectAsync(factory, alice);

        var error = await Assert.ThrowsAsync<HubException>(() => device.InvokeAsync<ThreadSummary>("OpenDirect", "nobody@corp.example"));

        Assert.Contains("No one is registered as 'nobody@corp.example'", error.Message);
    }

    [Fact]
    public async Task SendMessage_BurstAboveTheLimit_TooFastAndEveryAcknowledgedMessageStored()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var device = await HubTestClient.ConnectAsync(factory, alice);
        var thread = await device.InvokeAsync<ThreadSummary>("OpenDirect", bob);

        var attempts = Enumerable.Range(0, 30)
            .Select(i => device.InvokeAsync<ChatMessage>("SendMessage", thread.Id.ToString(), $"burst-{i}", $"message {i}"))
            .ToList();
        var outcomes = await Task.WhenAll(attempts.Select(Outcome));

        var acknowledged = outcomes.Where(o => o.Message is not null).Select(o => o.Message!).ToList();
        Assert.Contains(outcomes, o => o.Error?.Contains("Too fast:") == true);
        var stored = await device.InvokeAsync<List<ChatMessage>>("GetMessagesAfter", thread.Id.ToString(), 0L, 100);
        Assert.Equal(acknowledged.Select(m => m.Id).Order(), stored.Select(m => m.Id).Order());
        Assert.Equal(Enumerable.Range(1, stored.Count).Select(s => (long)s), stored.Select(m => m.Seq));
    }

    [Fact]
    public async Task SendMessage_BurstAfterIdle_AcceptsAtMostTheBucket()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var device = await HubTestClient.ConnectAsync(factory, alice);
        var thread = await device.InvokeAsync<ThreadSummary>("OpenDirect", bob);
        await device.InvokeAsync<ChatMessage>("SendMessage", thread.Id.ToString(), "first", "before the pause");
        await Task.Delay(TimeSpan.FromSeconds(6), TestContext.Current.CancellationToken);

        var started = DateTime.UtcNow;
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40)
            .Select(i => Outcome(device.InvokeAsync<ChatMessage>("SendMessage", thread.Id.ToString(), $"after-{i}", $"message {i}"))));
        var burstSeconds = (DateTime.UtcNow - started).TotalSeconds;

        // The bucket (10) plus what one send a second refills while the burst is answered, never the pause's worth.
        var accepted = outcomes.Count(o => o.Message is not null);
        Assert.InRange(accepted, 10, 10 + (int)Math.Ceiling(burstSeconds));
    }

    private static async Task<(ChatMessage? Message, string? Error)> Outcome(Task<ChatMessage> send)
    {
        try
        {
            return (await send, null);
        }
        catch (HubException e)
        {
            return (null, e.Message);
        }
    }
}
