using ChatWeb.Domain.Chat;
using ChatWeb.Realtime;
using ChatWeb.Tests.Infrastructure;
using ChatWeb.Tests.Integration.Attachments;
using Microsoft.AspNetCore.SignalR;
using Xunit;

namespace ChatWeb.Tests.Integration.Hub;

/// <summary>PostMessage with attachmentIds over the hub: the message and its files reach every device of every member.</summary>
public sealed class AttachmentHubTests(ChatWebFactory factory) : IClassFixture<ChatWebFactory>
{
    [Fact]
    public async Task PostMessage_WithFiles_ReachesTheOtherPersonsTwoDevicesWithTheFiles()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var aliceDevice = await HubTestClient.ConnectAsync(factory, alice);
        await using var bobPhone = await HubTestClient.ConnectAsync(factory, bob);
        await using var bobLaptop = await HubTestClient.ConnectAsync(factory, bob);
        var thread = (await aliceDevice.InvokeAsync<ThreadSummary>("OpenDirect", bob)).Id.ToString();
        using var http = await factory.CreateBearerClientAsync(alice);
        var photo = await http.UploadAsync(thread, "photo.png", TestFiles.Png(200, 100));
        var report = await http.UploadAsync(thread, "report.txt", TestFiles.Text("all fine"));

        var sent = await aliceDevice.InvokeAsync<ChatMessage>("PostMessage", thread,
            new { clientMessageId = "with-files", body = "", attachmentIds = new[] { photo.Id.ToString(), report.Id.ToString() } });

        Assert.Equal([photo, report], sent.Attachments);
        foreach (var device in new[] { bobPhone, bobLaptop })
        {
            var heard = await device.NextAsync<ChatMessage>(m => m.Id == sent.Id);
            Assert.Equal(sent, heard);
        }
        var summary = await bobPhone.InvokeAsync<ThreadSummary>("GetThread", thread);
        Assert.Equal("📎 2 files", summary.LastMessagePreview);
    }

    [Fact]
    public async Task PostMessage_AnotherPersonsFile_IsRefusedWithAClearMessage()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var aliceDevice = await HubTestClient.ConnectAsync(factory, alice);
        var thread = (await aliceDevice.InvokeAsync<ThreadSummary>("OpenDirect", bob)).Id.ToString();
        using var bobHttp = await factory.CreateBearerClientAsync(bob);
        var bobs = await bobHttp.UploadAsync(thread, "bobs.txt", TestFiles.Text("bob's"));

        var refusal = await Assert.ThrowsAsync<HubException>(() => aliceDevice.InvokeAsync<ChatMessage>("PostMessage", thread,
            new { clientMessageId = "steal", body = "mine now", attachmentIds = new[] { bobs.Id.ToString() } }));

        Assert.Contains("File not found, or you are not allowed to use it.", refusal.Message);
    }
}
