using ChatWeb.Domain.Attachments;
using ChatWeb.Domain.Chat;
using ChatWeb.Tests.Domain.Changes;
using ChatWeb.Tests.Domain.Infrastructure;
using ChatWeb.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ChatWeb.Tests.Domain.Attachments;

public class AttachmentUploadTests : ChangeTest
{
    [DatabaseFact]
    public async Task UploadAsync_APngByAMember_KeepsItWithItsSizeAndAThumbnailOfAtMost480Pixels()
    {
        var (ann, _, thread) = await DirectAsync();
        var png = TestFiles.Png(1200, 800);

        var view = await Db.Attachments.UploadAsync(ann.Id, thread, "holiday.png", new MemoryStream(png), ct: Ct);

        Assert.Equal(("holiday.png", "image/png", png.LongLength, 1200, 800), (view.FileName, view.ContentType, view.Size, view.Width!.Value, view.Height!.Value));
        await using var file = await Db.Attachments.OpenAsync(ann.Id, view.Id, thumbnail: false, Ct);
        Assert.Equal(png, ReadAll(file.Content));
        await using var thumbnail = await Db.Attachments.OpenAsync(ann.Id, view.Id, thumbnail: true, Ct);
        Assert.Equal("image/webp", thumbnail.ContentType);
        using var decoded = SkiaSharp.SKBitmap.Decode(ReadAll(thumbnail.Content));
        Assert.Equal((480, 320), (decoded.Width, decoded.Height));
    }

    [DatabaseFact]
    public async Task UploadAsync_AStranger_IsToldTheConversationWasNotFound_AndNothingIsStored()
    {
        var (_, _, thread) = await DirectAsync();
        var stranger = await Db.CreateUserAsync("Mallory", ct: Ct);
        var read = new CountingStream(TestFiles.Png(10, 10));

        var refusal = await Assert.ThrowsAsync<ChatException>(() => Db.Attachments.UploadAsync(stranger.Id, thread, "x.png", read, ct: Ct));

        Assert.Equal(ChatErrorKind.NotFound, refusal.Kind);
        Assert.Equal(0, read.BytesRead);
        await AssertNothingStoredAsync();
    }

    [DatabaseFact]
    public async Task UploadAsync_OverMaxBytes_IsRefusedWhileStreaming_AndLeavesNothing()
    {
        var (ann, _, thread) = await DirectAsync();
        Db.AttachmentOptions.MaxBytes = 100_000;
        var endless = new CountingStream(length: 1L << 40);

        var refusal = await Assert.ThrowsAsync<ChatException>(() => Db.Attachments.UploadAsync(ann.Id, thread, "huge.bin", endless, ct: Ct));

        Assert.Equal(ChatErrorKind.TooLarge, refusal.Kind);
        Assert.Contains("at most", refusal.Message);
        // At most one of the store's buffers past the limit (80 KiB for the folder, a 1 MiB chunk for the database).
        Assert.InRange(endless.BytesRead, 100_001, 100_000 + ChatWeb.Domain.Entities.AttachmentBlob.ChunkSize);
        await AssertNothingStoredAsync();
    }

    [DatabaseFact]
    public async Task UploadAsync_AZeroByteFile_IsRefused_AndLeavesNothing()
    {
        var (ann, _, thread) = await DirectAsync();

        var refusal = await Assert.ThrowsAsync<ChatException>(() => Db.Attachments.UploadAsync(ann.Id, thread, "empty.txt", new MemoryStream(), ct: Ct));

        Assert.Equal(("The file is empty.", ChatErrorKind.Invalid), (refusal.Message, refusal.Kind));
        await AssertNothingStoredAsync();
    }

    [DatabaseTheory]
    [InlineData("page.png", "html")]
    [InlineData("drawing.svg", "svg")]
    public async Task UploadAsync_ScriptCapableContentUnderAnyName_IsPlainTextWithoutThumbnail(string name, string kind)
    {
        var (ann, _, thread) = await DirectAsync();
        var bytes = kind == "html" ? TestFiles.Html : TestFiles.SvgWithScript;

        var view = await Db.Attachments.UploadAsync(ann.Id, thread, name, new MemoryStream(bytes), ct: Ct);

        Assert.Equal(("text/plain", (int?)null, false), (view.ContentType, view.Width, view.IsImage));
        await using var file = await Db.Attachments.OpenAsync(ann.Id, view.Id, thumbnail: false, Ct);
        Assert.False(file.Inline);
        await Assert.ThrowsAsync<ChatException>(() => Db.Attachments.OpenAsync(ann.Id, view.Id, thumbnail: true, Ct));
    }

    [DatabaseFact]
    public async Task UploadAsync_APngDeclaringTenBillionPixels_IsKeptAsAPlainFileWithoutDecoding()
    {
        var (ann, _, thread) = await DirectAsync();
        var bomb = TestFiles.PngDeclaring(100_000, 100_000);

        var view = await Db.Attachments.UploadAsync(ann.Id, thread, "bomb.png", new MemoryStream(bomb), ct: Ct);

        Assert.Equal(("image/png", (int?)null, false), (view.ContentType, view.Width, view.IsImage));
        await using var file = await Db.Attachments.OpenAsync(ann.Id, view.Id, thumbnail: false, Ct);
        Assert.False(file.Inline);
    }

    [DatabaseFact]
    public async Task UploadAsync_AnImageThatDoesNotDecode_IsKeptAsAPlainFile()
    {
        var (ann, _, thread) = await DirectAsync();

        var view = await Db.Attachments.UploadAsync(ann.Id, thread, "broken.png", new MemoryStream(TestFiles.BrokenPng()), ct: Ct);

        Assert.Equal((int?)null, view.Width);
        Assert.False(view.IsImage);
    }

    [DatabaseTheory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\ann\\report.pdf", "report.pdf")]
    [InlineData("evil\u202Egnp.exe", "evilgnp.exe")]
    [InlineData("line\r\nbreak\u0000.txt", "linebreak.txt")]
    [InlineData("...", "file")]
    [InlineData("a<b>c:d|e?.txt", "a_b_c_d_e_.txt")]
    public async Task UploadAsync_AHostileFileName_IsStoredSanitized(string name, string expected)
    {
        var (ann, _, thread) = await DirectAsync();

        var view = await Db.Attachments.UploadAsync(ann.Id, thread, name, new MemoryStream(TestFiles.Text("hello")), ct: Ct);

        Assert.Equal(expected, view.FileName);
    }

    [DatabaseFact]
    public async Task UploadAsync_A500CharacterName_IsCutTo200KeepingItsExtension()
    {
        var (ann, _, thread) = await DirectAsync();

        var view = await Db.Attachments.UploadAsync(ann.Id, thread, new string('x', 496) + ".pdf", new MemoryStream(TestFiles.Text("hello")), ct: Ct);

        Assert.Equal(200, view.FileName.Length);
        Assert.EndsWith("x.pdf", view.FileName);
    }

    private async Task AssertNothingStoredAsync()
    {
        await using var db = await Db.OpenAsync(Ct);
        Assert.Equal(0, await db.Attachments.CountAsync(Ct));
        Assert.Equal(0, await StoredBlobsAsync(Db, Ct));
    }

    /// <summary>What either store holds: files in the folder, and files (by key) in the database.</summary>
    internal static async Task<int> StoredBlobsAsync(DomainTestDatabase database, CancellationToken ct)
    {
        var folder = database.AttachmentOptions.Path;
        var files = System.IO.Directory.Exists(folder) ? System.IO.Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0;
        await using var db = await database.OpenAsync(ct);
        return files + await db.AttachmentBlobs.Select(b => b.Key).Distinct().CountAsync(ct);
    }

    internal static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
