using ChatWeb.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using SkiaSharp;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace ChatWeb.BrowserTests.Scenarios;

public sealed class AttachmentTests(ChatWebServer server, BrowserHost host) : BrowserScenario(server, host)
{
    [Fact]
    public async Task AttachByPickerAndByPaste_BobSeesBothThumbnailsLive_AndDownloadsTheOriginal()
    {
        var alice = await SignUpAsync("Alice Martin");
        var bob = await SignUpAsync("Bob Stone");
        var threadId = await alice.NewChat.StartDirectChatAsync(bob.Person);
        await bob.Threads.OpenAsync(threadId);
        var picked = Png(640, 480, SKColors.SeaGreen);
        var pasted = Png(300, 200, SKColors.Goldenrod);

        // The composer's file input is live once its scripts are (a loaded machine can take a while).
        await Expect(alice.Page.Locator(".attach[data-ready=true]")).ToHaveCountAsync(1);
        await alice.Page.GetByTestId("attach-input").SetInputFilesAsync(new FilePayload { Name = "picked.png", MimeType = "image/png", Buffer = picked });
        await Expect(alice.Page.Locator("[data-testid=pending-file][data-state=ready]")).ToHaveCountAsync(1);
        await alice.Conversation.SendButton.ClickAsync();
        await alice.Conversation.Input.FocusAsync();
        // A screenshot pasted from the clipboard: the same event the browser raises for Ctrl+V.
        await alice.Page.EvaluateAsync(@"base64 => {
            const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
            const data = new DataTransfer();
            data.items.add(new File([bytes], 'pasted.png', { type: 'image/png' }));
            document.querySelector('[data-testid=composer-input]')
                .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }", Convert.ToBase64String(pasted));
        await Expect(alice.Page.Locator("[data-testid=pending-file][data-state=ready]")).ToHaveCountAsync(1);
        await alice.Conversation.Input.FillAsync("and a pasted one");
        await alice.Conversation.Input.PressAsync("Enter");

        var thumbnails = bob.Page.GetByTestId("attachment-image");
        await Expect(thumbnails).ToHaveCountAsync(2);
        await Expect(bob.Conversation.MessageWithText("and a pasted one")).ToBeVisibleAsync();
        await Expect(bob.Page.GetByTestId("thread-preview")).ToContainTextAsync("and a pasted one");
        foreach (var thumbnail in await thumbnails.AllAsync())
        {
            await Expect(thumbnail).ToHaveJSPropertyAsync("complete", true);
            Assert.True(await thumbnail.EvaluateAsync<int>("img => img.naturalWidth") > 0, "A thumbnail did not load.");
        }
        var original = await thumbnails.First.Locator("xpath=..").GetAttributeAsync("href");
        var download = await bob.Context.APIRequest.GetAsync(new Uri(bob.Page.Url).GetLeftPart(UriPartial.Authority) + original);
        Assert.Equal(200, download.Status);
        Assert.Equal(picked, await download.BodyAsync());
        Assert.Equal("nosniff", download.Headers["x-content-type-options"]);
    }

    private static byte[] Png(int width, int height, SKColor color)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(color);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
