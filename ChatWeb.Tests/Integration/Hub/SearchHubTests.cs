using System.Text.Json;
using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Xunit;

namespace ChatWeb.Tests.Integration.Hub;

/// <summary>SearchMessages and GetMessagesAround over the hub, in the shapes docs/realtime-api.md promises.</summary>
public sealed class SearchHubTests(ChatWebFactory factory) : IClassFixture<ChatWebFactory>
{
    [Fact]
    public async Task SearchMessages_WordsFromAThread_ReturnsHitsWithSnippetRangesAndCursor()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var aliceDevice = await HubTestClient.ConnectAsync(factory, alice);
        await using var bobDevice = await HubTestClient.ConnectAsync(factory, bob);
        var thread = (await bobDevice.InvokeAsync<ThreadSummary>("OpenDirect", alice)).Id.ToString();
        for (var i = 0; i < 21; i++)
        {
            await bobDevice.InvokeAsync<ChatMessage>("SendMessage", thread, $"c{i}", $"Réunion {i} about the VPN");
        }

        var page = await aliceDevice.InvokeAsync<JsonElement>("SearchMessages", "reunion vp", null, null);
        var next = await aliceDevice.InvokeAsync<JsonElement>("SearchMessages", "reunion vp", thread, page.GetProperty("next").GetString());

        var hits = page.GetProperty("hits");
        Assert.Equal(20, hits.GetArrayLength());
        Assert.True(page.GetProperty("hasMore").GetBoolean());
        var first = hits[0];
        Assert.Equal("Réunion 20 about the VPN", first.GetProperty("message").GetProperty("body").GetString());
        Assert.Equal(bob, first.GetProperty("message").GetProperty("sender").GetString());
        Assert.Equal(thread, first.GetProperty("message").GetProperty("threadId").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("threadTitle").GetString()));
        Assert.Equal("Réunion 20 about the VPN", first.GetProperty("snippet").GetString());
        Assert.Equal("[[0,7],[21,3]]", first.GetProperty("ranges").GetRawText());
        Assert.Equal(1, next.GetProperty("hits").GetArrayLength());
        Assert.False(next.GetProperty("hasMore").GetBoolean());
        Assert.Equal(JsonValueKind.Null, next.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task SearchMessages_BadInput_IsRefusedClearlyOrFindsNothing()
    {
        var (alice, bob, cy) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var aliceDevice = await HubTestClient.ConnectAsync(factory, alice);
        await using var cyDevice = await HubTestClient.ConnectAsync(factory, cy);
        var theirs = (await aliceDevice.InvokeAsync<ThreadSummary>("OpenDirect", bob)).Id.ToString();
        await aliceDevice.InvokeAsync<ChatMessage>("SendMessage", theirs, "c1", "x marks the spot");

        var tooLong = await Assert.ThrowsAsync<HubException>(() => aliceDevice.InvokeAsync<JsonElement>("SearchMessages", new string('a', 1000), null, null));
        var stranger = await Assert.ThrowsAsync<HubException>(() => cyDevice.InvokeAsync<JsonElement>("SearchMessages", "spot", theirs, null));
        var oneCharacter = await aliceDevice.InvokeAsync<JsonElement>("SearchMessages", "x", null, null);
        var syntax = await aliceDevice.InvokeAsync<JsonElement>("SearchMessages", "spot\" OR (NEAR * -", null, null);

        Assert.Contains("A search can be at most 500 characters long", tooLong.Message);
        Assert.Contains("Conversation not found", stranger.Message);
        Assert.Equal(0, oneCharacter.GetProperty("hits").GetArrayLength());
        Assert.Equal(0, syntax.GetProperty("hits").GetArrayLength());
    }

    [Fact]
    public async Task GetMessagesAround_ASeqInHistory_ReturnsItsNeighboursAscending()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var aliceDevice = await HubTestClient.ConnectAsync(factory, alice);
        var thread = (await aliceDevice.InvokeAsync<ThreadSummary>("OpenDirect", bob)).Id.ToString();
        for (var i = 1; i <= 12; i++)
        {
            await aliceDevice.InvokeAsync<ChatMessage>("SendMessage", thread, $"c{i}", $"m{i}");
        }

        var around = await aliceDevice.InvokeAsync<List<ChatMessage>>("GetMessagesAround", thread, 6L, 4);

        Assert.Equal([4L, 5L, 6L, 7L], around.Select(m => m.Seq));
    }
}
