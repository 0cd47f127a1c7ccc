using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatWeb.Domain.Attachments;
using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Infrastructure;
using ChatWeb.Tests.Integration.Hub;
using Xunit;

namespace ChatWeb.Tests.Integration.Attachments;

/// <summary>Upload and download over HTTP: who may, what comes back, and which headers keep a file from ever running as a page.</summary>
public sealed class AttachmentApiTests(ChatWebFactory factory) : IClassFixture<ChatWebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_AMemberWithABearerToken_Gets201WithTheFilesDescription()
    {
        var (alice, _, thread) = await DirectAsync();
        using var client = await factory.CreateBearerClientAsync(alice);

        using var response = await client.PostFileAsync(thread, "chart.png", TestFiles.Png(64, 48), "text/html");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(["id", "fileName", "contentType", "size", "width", "height"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("chart.png", "image/png", 64, 48), (json.GetProperty("fileName").GetString(), json.GetProperty("contentType").GetString(),
            json.GetProperty("width").GetInt32(), json.GetProperty("height").GetInt32()));
        Assert.Equal($"/api/attachments/{json.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Upload_AStranger_Gets404()
    {
        var (_, _, thread) = await DirectAsync();
        using var stranger = await factory.CreateBearerClientAsync(await factory.RegisterUserAsync());

        using var response = await stranger.PostFileAsync(thread, "x.txt", TestFiles.Text("x"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Upload_WithACookieAndNoAntiforgeryToken_Gets400_WithTheTokenInItsHeader_201()
    {
        var (alice, _, thread) = await DirectAsync();
        using var browser = factory.CreateBrowser();
        await browser.LoginAsync(alice);
        var token = (await browser.GetAsync("/Account/Manage")).Form("form.logout-form")
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var without = await browser.Client.PostFileAsync(thread, "a.txt", TestFiles.Text("a"));
        browser.Client.DefaultRequestHeaders.Add("RequestVerificationToken", token);
        using var with = await browser.Client.PostFileAsync(thread, "a.txt", TestFiles.Text("a"));

        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Contains("antiforgery", await without.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Created, with.StatusCode);
    }

    [Fact]
    public async Task Upload_WithoutSigningIn_Gets401()
    {
        var (_, _, thread) = await DirectAsync();
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.PostFileAsync(thread, "a.txt", TestFiles.Text("a"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Download_AnImageSent_IsInlineWithEveryProtectiveHeader_AndImmutable()
    {
        var (alice, bob, thread) = await DirectAsync();
        using var aliceClient = await factory.CreateBearerClientAsync(alice);
        var png = TestFiles.Png(64, 48);
        var view = await aliceClient.UploadAsync(thread, "chart.png", png);
        await SendAsync(alice, thread, view.Id);
        using var bobClient = await factory.CreateBearerClientAsync(bob);

        using var response = await bobClient.GetAsync($"/api/attachments/{view.Id}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(png, await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        AssertProtective(response);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("bytes", Assert.Single(response.Headers.AcceptRanges));
    }

    [Theory]
    [InlineData("page.png", "html")]
    [InlineData("drawing.svg", "svg")]
    [InlineData("page.html", "html")]
    public async Task Download_ScriptCapableContent_IsAPlainTextAttachment(string name, string kind)
    {
        var (alice, _, thread) = await DirectAsync();
        using var client = await factory.CreateBearerClientAsync(alice);
        var view = await client.UploadAsync(thread, name, kind == "html" ? TestFiles.Html : TestFiles.SvgWithScript);

        using var response = await client.GetAsync($"/api/attachments/{view.Id}", Ct);

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        AssertProtective(response);
        using var thumbnail = await client.GetAsync($"/api/attachments/{view.Id}/thumbnail", Ct);
        Assert.Equal(HttpStatusCode.NotFound, thumbnail.StatusCode);
    }

    [Fact]
    public async Task Download_AHostileName_ComesBackSafeInTheHeader()
    {
        var (alice, _, thread) = await DirectAsync();
        using var client = await factory.CreateBearerClientAsync(alice);
        var view = await client.UploadAsync(thread, "..\\..\\r\u00e9sum\u00e9\r\nX-Evil: 1\u202E.txt", TestFiles.Text("cv"));

        using var response = await client.GetAsync($"/api/attachments/{view.Id}", Ct);

        Assert.Equal("résuméX-Evil_ 1.txt", view.FileName);
        Assert.False(response.Headers.Contains("X-Evil"));
        Assert.Equal(view.FileName, response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task Download_StrangersMissingAndMalformedIds_AllGet404()
    {
        var (alice, _, thread) = await DirectAsync();
        using var client = await factory.CreateBearerClientAsync(alice);
        var view = await client.UploadAsync(thread, "a.png", TestFiles.Png(8, 8));
        await SendAsync(alice, thread, view.Id);
        using var stranger = await factory.CreateBearerClientAsync(await factory.RegisterUserAsync());

        var answers = new List<HttpStatusCode>();
        foreach (var url in new[] { $"/api/attachments/{view.Id}", $"/api/attachments/{view.Id}/thumbnail", $"/api/attachments/{Guid.NewGuid()}", "/api/attachments/nope" })
        {
            using var response = await stranger.GetAsync(url, Ct);
            answers.Add(response.StatusCode);
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a));
    }

    [Fact]
    public async Task Download_ARange_Gets206WithJustThoseBytes()
    {
        var (alice, _, thread) = await DirectAsync();
        using var client = await factory.CreateBearerClientAsync(alice);
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)(i % 251)).ToArray();
        var view = await client.UploadAsync(thread, "data.bin", bytes);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/attachments/{view.Id}");
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(50_000, 50_009);

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(bytes[50_000..50_010], await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("bytes 50000-50009/100000", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Download_TheThumbnail_IsASmallWebPImageInline()
    {
        var (alice, _, thread) = await DirectAsync();
        using var client = await factory.CreateBearerClientAsync(alice);
        var view = await client.UploadAsync(thread, "big.jpg", TestFiles.Jpeg(1600, 1200));

        using var response = await client.GetAsync($"/api/attachments/{view.Id}/thumbnail", Ct);

        Assert.Equal(("image/webp", "inline"), (response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentDisposition?.DispositionType));
        AssertProtective(response);
        using var image = SkiaSharp.SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal((480, 360), (image.Width, image.Height));
    }

    internal static void AssertProtective(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("sandbox", csp);
        Assert.DoesNotContain("script-src", csp);
    }

    private async Task<(string Alice, string Bob, string Thread)> DirectAsync()
    {
        var (alice, bob) = (await factory.RegisterUserAsync(), await factory.RegisterUserAsync());
        await using var device = await HubTestClient.ConnectAsync(factory, alice);
        var thread = await device.InvokeAsync<ThreadSummary>("OpenDirect", bob);
        return (alice, bob, thread.Id.ToString());
    }

    private async Task<ChatMessage> SendAsync(string sender, string thread, params Guid[] ids)
    {
        await using var device = await HubTestClient.ConnectAsync(factory, sender);
        return await device.InvokeAsync<ChatMessage>("PostMessage", thread,
            new MessageDraft { ClientMessageId = Guid.NewGuid().ToString(), AttachmentIds = ids.Select(i => i.ToString()).ToList() });
    }
}
