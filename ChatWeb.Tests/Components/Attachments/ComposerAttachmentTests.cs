using Bunit;
using ChatWeb.Components.Conversation;
using ChatWeb.Domain.Attachments;
using ChatWeb.Realtime;
using ChatWeb.Tests.Components.Conversation;
using ChatWeb.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Xunit;

namespace ChatWeb.Tests.Components.Attachments;

/// <summary>Files in the composer and in the bubble, on a real domain and database: chips, removing one, sending, and how each kind is shown.</summary>
public sealed class ComposerAttachmentTests : ConversationTestContext
{
    [Fact]
    public async Task Composer_FilesChosen_ShowAsChips_OneRemoved_TheOthersGoWithTheMessage()
    {
        var (cut, thread, bob) = await OpenDirectAsync();

        cut.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(TestFiles.Png(300, 200), "photo.png", contentType: "image/png"),
            InputFileContent.CreateFromText("the minutes", "minutes.txt"),
            InputFileContent.CreateFromText("not this one", "wrong.txt"));
        cut.WaitForAssertion(() => Assert.Equal(["ready", "ready", "ready"], cut.FindAll("[data-testid=pending-file]").Select(e => e.GetAttribute("data-state"))));
        await cut.FindAll("[data-testid=remove-pending-file]")[2].ClickAsync(new());
        Assert.Equal(2, cut.FindAll("[data-testid=pending-file]").Count);
        Assert.False(cut.Find("[data-testid=send-button]").HasAttribute("disabled"));
        await cut.Find("[data-testid=send-button]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("sent", Assert.Single(cut.FindAll("[data-testid=message]")).GetAttribute("data-status")));
        Assert.Empty(cut.FindAll("[data-testid=pending-file]"));
        var stored = Assert.Single(await Messages.GetBeforeAsync(bob.Id, thread, null, null, Ct));
        Assert.Equal(["photo.png", "minutes.txt"], stored.Attachments.Select(a => a.FileName));
        Assert.Equal("", stored.Body);
    }

    [Fact]
    public async Task Composer_AnEmptyFile_ShowsWhyAndCannotBeSent()
    {
        var (cut, _, _) = await OpenDirectAsync();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([], "empty.txt"));

        var chip = cut.WaitForElement("[data-testid=pending-file][data-state=failed]");
        Assert.Contains("The file is empty.", chip.TextContent);
        Assert.True(cut.Find("[data-testid=send-button]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Bubble_AnImageAndAFile_ShowsTheThumbnailLinkedToTheOriginal_AndADownloadCard()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var thread = (await Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct)).Id;
        var attachments = Service<AttachmentService>();
        var photo = await attachments.UploadAsync(bob.Id, thread, "sunset.jpg", new MemoryStream(TestFiles.Jpeg(800, 600)), ct: Ct);
        var sheet = await attachments.UploadAsync(bob.Id, thread, "budget.csv", new MemoryStream(TestFiles.Text("a,b\n1,2\n")), ct: Ct);
        await Messages.PostAsync(bob.Id, thread, new() { ClientMessageId = "m", Body = "numbers", AttachmentIds = [photo.Id.ToString(), sheet.Id.ToString()] }, Ct);
        SignIn(ann);

        var cut = RenderConversation(thread);

        var image = cut.WaitForElement("[data-testid=attachment-image]");
        Assert.Equal($"/api/attachments/{photo.Id}/thumbnail", image.GetAttribute("src"));
        Assert.Equal("sunset.jpg", image.GetAttribute("alt"));
        Assert.Equal($"/api/attachments/{photo.Id}", image.ParentElement!.GetAttribute("href"));
        var card = cut.Find("[data-testid=attachment-file]");
        Assert.Equal(($"/api/attachments/{sheet.Id}", "budget.csv"), (card.GetAttribute("href"), card.GetAttribute("download")));
        Assert.Contains("8 bytes", card.TextContent);
        Assert.Equal("numbers", cut.Find("[data-testid=message] .body").TextContent);
    }

    private async Task<(IRenderedComponent<IComponent> Cut, Guid ThreadId, CurrentUser Peer)> OpenDirectAsync()
    {
        var ann = await AddUserAsync("Ann");
        var bob = await AddUserAsync("Bob");
        var thread = await Conversations.OpenDirectAsync(ann.Id, bob.UserName, Ct);
        SignIn(ann);
        var cut = RenderConversation(thread.Id);
        cut.WaitForElement("[data-testid=composer-input]");
        return (cut, thread.Id, bob);
    }
}
