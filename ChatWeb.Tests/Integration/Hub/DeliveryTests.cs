using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Infrastructure;

using Xunit;

namespace ChatWeb.Tests.Integration.Hub;

public sealed class DeliveryTests(ChatWebFactory factory) : IClassFixture<ChatWebFactory>
{
    [Fact]
    public async Task SendMessage_AliceOnTwoDevices_EachDeviceGetsEveryMessageOnceInSeqOrder()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var phone = await HubTestClient.ConnectAsync(factory, alice);
        await using var laptop = await HubTestClient.ConnectAsync(factory, alice);
        await using var bobDevice = await HubTestClient.ConnectAsync(factory, bob);
        var thread = await bobDevice.InvokeAsync<ThreadSummary>("OpenDirect", alice);

        for (var i = 1; i <= 5; i++)
        {
            await bobDevice.InvokeAsync<ChatMessage>("SendMessage", thread.Id.ToString(), $"m{i}", $"hello {i}");
        }
        var sentinel = await bobDevice.InvokeAsync<ChatMessage>("SendMessage", thread.Id.ToString(), "sentinel", "last");

        foreach (var device in new[] { phone, laptop })
        {
            // Delivery is ordered per connection, so a duplicate would arrive before the sentinel.
            var heard = await device.CollectUntilAsync<ChatMessage>(m => m.Id == sentinel.Id);
            Assert.Equal([1, 2, 3, 4, 5, 6], heard.Select(m => m.Seq));
        }
    }

    [Fact]
    public async Task SendMessage_OwnSend_ReachesTheSendersOtherDeviceOnce()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var phone = await HubTestClient.ConnectAsync(factory, alice);
        await using var laptop = await HubTestClient.ConnectAsync(factory, alice);
        var thread = await phone.InvokeAsync<ThreadSummary>("OpenDirect", bob);

        var sent = await phone.InvokeAsync<ChatMessage>("SendMessage", thread.Id.ToString(), Guid.NewGuid().ToString(), "from my phone");
        var heard = await laptop.NextAsync<ChatMessage>();

        Assert.Equal(sent.Id, heard.Id);
        Assert.Equal("from my phone", heard.Body);
        Assert.Equal(alice, heard.Sender);
    }

    [Fact]
    public async Task MarkRead_OnOneDevice_OtherDeviceGetsThreadUpdatedWithUnreadZero()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var phone = await HubTestClient.ConnectAsync(factory, alice);
        await using var laptop = await HubTestClient.ConnectAsync(factory, alice);
        await using var bobDevice = await HubTestClient.ConnectAsync(factory, bob);
        var thread = await bobDevice.InvokeAsync<ThreadSummary>("OpenDirect", alice);
        var last = await bobDevice.InvokeAsync<ChatMessage>("SendMessage", thread.Id.ToString(), "a", "one");
        last = await bobDevice.InvokeAsync<ChatMessage>("SendMessage", thread.Id.ToString(), "b", "two");
        await laptop.NextAsync<ThreadSummary>(t => t.Id == thread.Id && t.UnreadCount == 2);

        await phone.InvokeAsync<ThreadSummary>("MarkRead", thread.Id.ToString(), last.Seq);

        var update = await laptop.NextAsync<ThreadSummary>(t => t.Id == thread.Id && t.LastReadSeq == last.Seq);
        Assert.Equal(0, update.UnreadCount);
    }

    [Fact]
    public async Task OpenDirect_NewThread_AppearsLiveForTheOtherPerson()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var aliceDevice = await HubTestClient.ConnectAsync(factory, alice);
        await using var bobDevice = await HubTestClient.ConnectAsync(factory, bob);

        var thread = await aliceDevice.InvokeAsync<ThreadSummary>("OpenDirect", bob);

        var appeared = await bobDevice.NextAsync<ThreadSummary>(t => t.Id == thread.Id);
        Assert.Equal(ChatWeb.Domain.Entities.ThreadKind.Direct, appeared.Kind);
        Assert.Contains(appeared.Members, m => m.UserName == alice);
    }

    [Fact]
    public async Task GetMessagesAfter_ClientOfflineWhile20Sent_RecoversAll20InOrderWithoutDuplicates()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var bobDevice = await HubTestClient.ConnectAsync(factory, bob);
        var thread = await bobDevice.InvokeAsync<ThreadSummary>("OpenDirect", alice);
        var aliceDevice = await HubTestClient.ConnectAsync(factory, alice);
        var first = await bobDevice.InvokeAsync<ChatMessage>("SendMessage", thread.Id.ToString(), "before", "before the drop");
        var lastSeen = (await aliceDevice.NextAsync<ChatMessage>(m => m.Id == first.Id)).Seq;
        await aliceDevice.DisposeAsync();

        for (var i = 0; i < 20; i++)
        {
            await bobDevice.InvokeAsync<ChatMessage>("SendMessage", thread.Id.ToString(), $"offline-{i}", $"missed {i}");
        }
        await using var back = await HubTestClient.ConnectAsync(factory, alice);
        var recovered = new List<ChatMessage>();
        while (true)
        {
            var page = await back.InvokeAsync<List<ChatMessage>>("GetMessagesAfter", thread.Id.ToString(), lastSeen, 7);
            recovered.AddRange(page);
            if (page.Count < 7)
            {
                break;
            }
            lastSeen = page[^1].Seq;
        }

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"missed {i}"), recovered.Select(m => m.Body));
        Assert.Equal(Enumerable.Range((int)first.Seq + 1, 20).Select(s => (long)s), recovered.Select(m => m.Seq));
        Assert.Equal(20, recovered.DistinctBy(m => m.Id).Count());
    }

    [Fact]
    public async Task SendMessage_RetryWithSameClientId_ReturnsTheStoredMessageAndDeliversOnce()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var aliceDevice = await HubTestClient.ConnectAsync(factory, alice);
        await using var bobDevice = await HubTestClient.ConnectAsync(factory, bob);
        var thread = await aliceDevice.InvokeAsync<ThreadSummary>("OpenDirect", bob);

        var first = await aliceDevice.InvokeAsync<ChatMessage>("SendMessage", thread.Id.ToString(), "same-id", "once");
        var retry = await aliceDevice.InvokeAsync<ChatMessage>("SendMessage", thread.Id.ToString(), "same-id", "once");
        var sentinel = await aliceDevice.InvokeAsync<ChatMessage>("SendMessage", thread.Id.ToString(), "sentinel", "after");
        var heard = await bobDevice.CollectUntilAsync<ChatMessage>(m => m.Id == sentinel.Id);

        Assert.Equal(first.Id, retry.Id);
        Assert.Equal(first.Seq, retry.Seq);
        Assert.Equal([1L, 2L], heard.Select(m => m.Seq));
        Assert.Equal(first.Id, heard[0].Id);
    }
}
