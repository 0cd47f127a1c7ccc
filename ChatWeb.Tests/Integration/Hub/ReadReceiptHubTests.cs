using System.Diagnostics;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatWeb.Tests.Integration.Hub;

/// <summary>ReadUpTo over the hub: coalesced per reader and thread, the latest always delivered, and nothing either way with receipts off.</summary>
public sealed class ReadReceiptHubTests(ChatWebFactory factory) : IClassFixture<ChatWebFactory>
{
    [Fact]
    public async Task MarkRead_ABurstOfMarks_TheOtherMemberHearsFewerButAlwaysTheLatest()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var aliceDevice = await HubTestClient.ConnectAsync(factory, alice);
        await using var alicesOther = await HubTestClient.ConnectAsync(factory, alice);
        await using var bobDevice = await HubTestClient.ConnectAsync(factory, bob);
        var thread = (await bobDevice.InvokeAsync<ThreadSummary>("OpenDirect", alice)).Id;
        for (var i = 1; i <= 20; i++)
        {
            await bobDevice.InvokeAsync<ChatMessage>("SendMessage", thread.ToString(), $"m{i}", $"message {i}");
        }

        var burst = Stopwatch.StartNew();
        for (var seq = 1; seq <= 20; seq++)
        {
            await aliceDevice.InvokeAsync<ThreadSummary>("MarkRead", thread.ToString(), (long)seq);
        }
        var lasted = burst.Elapsed;

        var heard = await bobDevice.CollectUntilAsync<ReadUpTo>(r => r.Seq == 20);
        Assert.All(heard, r => Assert.Equal((thread, alice), (r.ThreadId, r.UserName)));
        Assert.Equal(heard.Select(r => r.Seq).Order(), heard.Select(r => r.Seq));
        // One at once, then at most one a second: however slow the machine, never one per mark.
        Assert.InRange(heard.Count, 1, (int)Math.Ceiling(lasted.TotalSeconds) + 2);
        Assert.True(heard.Count < 20 || lasted > TimeSpan.FromSeconds(18), $"{heard.Count} ReadUpTo for 20 marks in {lasted}.");
        Assert.Empty(alicesOther.Drain<ReadUpTo>());
        var bobsView = await bobDevice.InvokeAsync<ThreadSummary>("GetThread", thread.ToString());
        Assert.Equal(20L, bobsView.Members.Single(m => m.UserName == alice).LastReadSeq);
    }

    [Fact]
    public async Task MarkRead_WithReceiptsOffOnEitherSide_NoReadUpToAndNoMarksShown()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var aliceDevice = await HubTestClient.ConnectAsync(factory, alice);
        await using var bobDevice = await HubTestClient.ConnectAsync(factory, bob);
        var thread = (await bobDevice.InvokeAsync<ThreadSummary>("OpenDirect", alice)).Id.ToString();
        await bobDevice.InvokeAsync<ChatMessage>("SendMessage", thread, "b1", "from Bob");
        await aliceDevice.InvokeAsync<ChatMessage>("SendMessage", thread, "a1", "from Alice");
        await bobDevice.InvokeAsync<ChatMessage>("SendMessage", thread, "b2", "Bob again");
        await SetSharingAsync(bob, false);

        // Each mark rises: Alice's from 2 to 3, then Bob's from 3 to 4.
        await aliceDevice.InvokeAsync<ThreadSummary>("MarkRead", thread, 3L);
        await aliceDevice.InvokeAsync<ChatMessage>("SendMessage", thread, "a2", "Alice again");
        await bobDevice.InvokeAsync<ThreadSummary>("MarkRead", thread, 4L);
        // Each device hears the other's next message after anything the marks would have sent it.
        var fromAlice = await aliceDevice.InvokeAsync<ChatMessage>("SendMessage", thread, "a3", "still there?");
        var fromBob = await bobDevice.InvokeAsync<ChatMessage>("SendMessage", thread, "b3", "yes");
        await bobDevice.NextAsync<ChatMessage>(m => m.Id == fromAlice.Id);
        await aliceDevice.NextAsync<ChatMessage>(m => m.Id == fromBob.Id);

        Assert.Empty(bobDevice.Drain<ReadUpTo>());
        Assert.Empty(aliceDevice.Drain<ReadUpTo>());
        var alicesView = await aliceDevice.InvokeAsync<ThreadSummary>("GetThread", thread);
        var bobsView = await bobDevice.InvokeAsync<ThreadSummary>("GetThread", thread);
        Assert.Null(alicesView.Members.Single(m => m.UserName == bob).LastReadSeq);
        Assert.Equal(5L, alicesView.Members.Single(m => m.UserName == alice).LastReadSeq);
        Assert.All(bobsView.Members, m => Assert.Null(m.LastReadSeq));
        Assert.Equal((6L, 0L), (bobsView.LastReadSeq, bobsView.UnreadCount));
    }

    [Fact]
    public async Task SetSharing_BackOn_TheOtherPersonHearsTheNextMark()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var aliceDevice = await HubTestClient.ConnectAsync(factory, alice);
        await using var bobDevice = await HubTestClient.ConnectAsync(factory, bob);
        var thread = (await bobDevice.InvokeAsync<ThreadSummary>("OpenDirect", alice)).Id.ToString();
        await SetSharingAsync(alice, false);
        await bobDevice.InvokeAsync<ChatMessage>("SendMessage", thread, "b1", "one");
        await bobDevice.InvokeAsync<ChatMessage>("SendMessage", thread, "b2", "two");
        await aliceDevice.InvokeAsync<ThreadSummary>("MarkRead", thread, 1L);

        await SetSharingAsync(alice, true);
        var updates = await bobDevice.CollectUntilAsync<ThreadSummary>(t => t.Members.Single(m => m.UserName == alice).LastReadSeq == 1);
        await aliceDevice.InvokeAsync<ThreadSummary>("MarkRead", thread, 2L);

        // Shown when the thread was opened, hidden while she did not share, shown again (at her mark) once she does.
        Assert.Equal([0L, null, 1L], updates.Select(t => t.Members.Single(m => m.UserName == alice).LastReadSeq).Distinct());
        Assert.Equal(new ReadUpTo(Guid.Parse(thread), alice, 2), await bobDevice.NextAsync<ReadUpTo>());
    }

    private async Task SetSharingAsync(string userName, bool share)
    {
        using var scope = factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ChatUser>>().FindByNameAsync(userName);
        await factory.Services.GetRequiredService<ReadReceiptsService>().SetSharingAsync(user!.Id, share, TestContext.Current.CancellationToken);
    }
}
