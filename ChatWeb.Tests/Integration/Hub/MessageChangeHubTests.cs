using System.Diagnostics;
using ChatWeb.Domain.Chat;
using ChatWeb.Realtime;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Xunit;

namespace ChatWeb.Tests.Integration.Hub;

/// <summary>Replies, edits, deletes and reactions over the hub: every device sees every change once, in version order, live or on catching up.</summary>
public sealed class MessageChangeHubTests(ChatWebFactory factory) : IClassFixture<ChatWebFactory>
{
    [Fact]
    public async Task Changes_TwoDevicesOfOnePersonAndAnotherMember_EachHearsEveryChangeOnceInVersionOrder()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var phone = await HubTestClient.ConnectAsync(factory, alice);
        await using var laptop = await HubTestClient.ConnectAsync(factory, alice);
        await using var bobDevice = await HubTestClient.ConnectAsync(factory, bob);
        var thread = (await phone.InvokeAsync<ThreadSummary>("OpenDirect", bob)).Id.ToString();
        var question = await phone.InvokeAsync<ChatMessage>("PostMessage", thread, Draft("q", "Lunch at noon?"));
        var answer = await bobDevice.InvokeAsync<ChatMessage>("PostMessage", thread, Draft("a", "Yes!", question.Id));

        var made = new List<ChatMessage>
        {
            await laptop.InvokeAsync<ChatMessage>("EditMessage", thread, question.Id.ToString(), "Lunch at 12:30?"),
            await bobDevice.InvokeAsync<ChatMessage>("React", thread, question.Id.ToString(), "👍", true),
            await phone.InvokeAsync<ChatMessage>("React", thread, answer.Id.ToString(), "🎉", true),
            await phone.InvokeAsync<ChatMessage>("React", thread, answer.Id.ToString(), "🎉", false),
            await phone.InvokeAsync<ChatMessage>("DeleteMessage", thread, question.Id.ToString()),
        };
        var last = await bobDevice.InvokeAsync<ChatMessage>("React", thread, answer.Id.ToString(), "✅", true);
        made.Add(last);

        Assert.Equal(answer.ReplyTo, ReplyPreview.Of(question));
        foreach (var device in new[] { phone, laptop, bobDevice })
        {
            var heard = await device.CollectUntilAsync<MessageChangedNotice>(n => n.Message.Version == last.Version);
            Assert.Equal(made.Select(m => m.Version), heard.Select(n => n.Message.Version));
            Assert.Equal(made, heard.Select(n => n.Message));
        }
        Assert.Equal(("", alice), (made[4].Body, made[4].DeletedBy));
    }

    [Fact]
    public async Task GetChangesAfter_DeviceOfflineDuringChanges_CatchesUpToWhatOthersSee()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var bobDevice = await HubTestClient.ConnectAsync(factory, bob);
        var thread = (await bobDevice.InvokeAsync<ThreadSummary>("OpenDirect", alice)).Id.ToString();
        var early = new List<ChatMessage>();
        for (var i = 0; i < 4; i++)
        {
            early.Add(await bobDevice.InvokeAsync<ChatMessage>("SendMessage", thread, $"e{i}", $"early {i}"));
        }
        var aliceDevice = await HubTestClient.ConnectAsync(factory, alice);
        var shown = await aliceDevice.InvokeAsync<List<ChatMessage>>("GetMessages", thread, null, 50);
        var known = (await aliceDevice.InvokeAsync<ThreadSummary>("GetThread", thread)).LastVersion;
        await aliceDevice.DisposeAsync();

        await bobDevice.InvokeAsync<ChatMessage>("EditMessage", thread, early[0].Id.ToString(), "early 0, edited");
        await bobDevice.InvokeAsync<ChatMessage>("React", thread, early[1].Id.ToString(), "👀", true);
        await bobDevice.InvokeAsync<ChatMessage>("DeleteMessage", thread, early[2].Id.ToString());
        for (var i = 0; i < 3; i++)
        {
            await bobDevice.InvokeAsync<ChatMessage>("PostMessage", thread, Draft($"l{i}", $"late {i}", early[3].Id));
        }
        await using var back = await HubTestClient.ConnectAsync(factory, alice);
        var byId = shown.ToDictionary(m => m.Id);
        var lastSeq = shown.Max(m => m.Seq);
        foreach (var m in await back.InvokeAsync<List<ChatMessage>>("GetMessagesAfter", thread, lastSeq, 100))
        {
            byId[m.Id] = m;
        }
        var changes = new List<ChatMessage>();
        while (true)
        {
            var page = await back.InvokeAsync<MessageChanges>("GetChangesAfter", thread, known, 2);
            changes.AddRange(page.Messages);
            known = page.LastVersion;
            if (page.Messages.Count < 2)
            {
                break;
            }
        }
        foreach (var m in changes.Where(m => !byId.TryGetValue(m.Id, out var held) || held.Version < m.Version))
        {
            byId[m.Id] = m;
        }

        var truth = await bobDevice.InvokeAsync<List<ChatMessage>>("GetMessages", thread, null, 50);
        Assert.Equal(truth, byId.Values.OrderBy(m => m.Seq));
        Assert.Equal(changes.DistinctBy(m => m.Id).Count(), changes.Count);
        Assert.Equal((await back.InvokeAsync<ThreadSummary>("GetThread", thread)).LastVersion, known);
        Assert.Equal(["early 0, edited", "", "early 3"], truth.Take(4).Where((_, i) => i != 1).Select(m => m.Body));
    }

    [Fact]
    public async Task PostMessage_DraftWithFieldsTheServerDoesNotKnow_IsStoredIgnoringThem()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var device = await HubTestClient.ConnectAsync(factory, alice);
        var thread = (await device.InvokeAsync<ThreadSummary>("OpenDirect", bob)).Id.ToString();

        var posted = await device.InvokeAsync<ChatMessage>("PostMessage", thread,
            new { clientMessageId = "future", body = "from a newer client", attachments = new[] { "a1" }, mentions = new[] { bob }, priority = 3 });

        Assert.Equal(("from a newer client", 1L, (ReplyPreview?)null), (posted.Body, posted.Seq, posted.ReplyTo));
    }

    [Fact]
    public async Task SendMessage_IsPostMessageWithABodyOnly()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var device = await HubTestClient.ConnectAsync(factory, alice);
        var thread = (await device.InvokeAsync<ThreadSummary>("OpenDirect", bob)).Id.ToString();

        var sent = await device.InvokeAsync<ChatMessage>("SendMessage", thread, "same", "hello");
        var posted = await device.InvokeAsync<ChatMessage>("PostMessage", thread, Draft("same", "hello"));

        Assert.Equal(sent, posted);
        Assert.Equal((1L, 1L, 0), (sent.Seq, sent.Version, sent.Reactions.Count));
    }

    [Theory]
    [InlineData("EditMessage", "not-a-message")]
    [InlineData("DeleteMessage", "")]
    [InlineData("React", "42")]
    public async Task MessageMethods_MalformedMessageId_RefusedWithClearMessage(string method, string messageId)
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var device = await HubTestClient.ConnectAsync(factory, alice);
        var thread = (await device.InvokeAsync<ThreadSummary>("OpenDirect", bob)).Id.ToString();
        object?[] args = method switch
        {
            "EditMessage" => [thread, messageId, "text"],
            "DeleteMessage" => [thread, messageId],
            _ => [thread, messageId, "👍", true],
        };

        var error = await Assert.ThrowsAsync<HubException>(() => device.InvokeAsync<ChatMessage>(method, args));

        Assert.Contains($"'{messageId}' is not a valid message id.", error.Message);
    }

    [Fact]
    public async Task React_WithSomethingThatIsNotOneEmoji_RefusedWithClearMessage()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var device = await HubTestClient.ConnectAsync(factory, alice);
        var thread = (await device.InvokeAsync<ThreadSummary>("OpenDirect", bob)).Id.ToString();
        var sent = await device.InvokeAsync<ChatMessage>("SendMessage", thread, "c", "hello");

        var error = await Assert.ThrowsAsync<HubException>(() => device.InvokeAsync<ChatMessage>("React", thread, sent.Id.ToString(), ":thumbsup:", true));

        Assert.Contains("A reaction must be a single emoji.", error.Message);
    }

    private static MessageDraft Draft(string clientMessageId, string body, Guid? replyTo = null) =>
        new() { ClientMessageId = clientMessageId, Body = body, ReplyToId = replyTo?.ToString() };
}
