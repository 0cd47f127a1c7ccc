using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Xunit;

namespace ChatWeb.Tests.Integration.Hub;

/// <summary>Mentions over the hub: stored and delivered with the message, counted as unread mentions on every device through send, mute and read.</summary>
public sealed class MentionHubTests(ChatWebFactory factory) : IClassFixture<ChatWebFactory>
{
    [Fact]
    public async Task PostMessage_WithMentions_DeliveredToEveryDeviceAndCountedThroughMuteAndRead()
    {
        var (alice, bob, cy) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var aliceDevice = await HubTestClient.ConnectAsync(factory, alice);
        await using var bobPhone = await HubTestClient.ConnectAsync(factory, bob);
        await using var bobLaptop = await HubTestClient.ConnectAsync(factory, bob);
        var group = (await aliceDevice.InvokeAsync<ThreadSummary>("CreateGroup", "Team", new[] { bob, cy })).Id.ToString();
        await bobPhone.InvokeAsync<ThreadSummary>("SetMuted", group, true);

        var sent = await aliceDevice.InvokeAsync<ChatMessage>("PostMessage", group, Draft("m1", "@Bob and @here, look", bob, "@here"));

        Assert.Equal([bob], sent.Mentions);
        Assert.True(sent.MentionsHere);
        foreach (var device in new[] { bobPhone, bobLaptop })
        {
            var heard = await device.NextAsync<ChatMessage>(m => m.Id == sent.Id);
            Assert.Equal(sent, heard);
            var thread = await device.NextAsync<ThreadSummary>(t => t.Id.ToString() == group && t.LastSeq == sent.Seq);
            Assert.Equal((1L, 1L, true), (thread.UnreadMentions, thread.UnreadCount, thread.IsMuted));
        }
        var read = await bobLaptop.InvokeAsync<ThreadSummary>("MarkRead", group, sent.Seq);
        Assert.Equal(0L, read.UnreadMentions);
        var onPhone = await bobPhone.NextAsync<ThreadSummary>(t => t.Id.ToString() == group && t.LastReadSeq == sent.Seq);
        Assert.Equal(0L, onPhone.UnreadMentions);
    }

    [Fact]
    public async Task PostMessage_MentionOfSomeoneNotInTheThread_IsRefusedClearly()
    {
        var (alice, bob, outsider) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var aliceDevice = await HubTestClient.ConnectAsync(factory, alice);
        var thread = (await aliceDevice.InvokeAsync<ThreadSummary>("OpenDirect", bob)).Id.ToString();

        var refusal = await Assert.ThrowsAsync<HubException>(() =>
            aliceDevice.InvokeAsync<ChatMessage>("PostMessage", thread, Draft("m1", "hi", outsider)));
        var messages = await aliceDevice.InvokeAsync<List<ChatMessage>>("GetMessages", thread, null, 50);

        Assert.Contains($"'{outsider}' is not a member of this conversation", refusal.Message);
        Assert.Empty(messages);
    }

    private static MessageDraft Draft(string clientMessageId, string body, params string[] mentions) =>
        new() { ClientMessageId = clientMessageId, Body = body, Mentions = mentions };
}
