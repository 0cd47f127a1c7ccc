using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatWeb.Domain.Attachments;

/// <summary>
/// Uploading and downloading files, for every path in (the browser's circuit and HTTP). Only a
/// thread's members upload to it. An upload is streamed to the store and counted as it comes,
/// refused the moment it passes <see cref="AttachmentOptions.MaxBytes"/>; its type is decided from its
/// bytes; an image gets a thumbnail. Until a message takes it, only its uploader can fetch it; after,
/// every member can. Anyone else is told it was not found, as for an id that does not exist.
/// </summary>
public sealed class AttachmentService(
    IDbContextFactory<ChatDbContext> dbFactory, IAttachmentStore store, IOptions<AttachmentOptions> options, TimeProvider clock, ILogger<AttachmentService> logger)
{
    private readonly ImageThumbnailer thumbnailer = new(options.Value.MaxImagePixels);

    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>The store key of a thumbnail.</summary>
    internal static string ThumbnailKey(Guid id) => id.ToString("N") + "-thumb";

    internal static string FileKey(Guid id) => id.ToString("N");

    /// <param name="progress">Told the bytes received so far, as they arrive.</param>
    public async Task<AttachmentView> UploadAsync(
        string userId, Guid threadId, string? fileName, Stream content, Action<long>? progress = null, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (!await db.ThreadMembers.AnyAsync(m => m.OwnerId == userId && m.ThreadId == threadId, ct))
            {
                throw ChatException.ThreadNotFound();
            }
        }
        var name = AttachmentFileNames.Sanitize(fileName);
        var id = Guid.CreateVersion7(clock.GetUtcNow());
        var counted = new SizeLimitedStream(content, MaxBytes, progress);
        await store.SaveAsync(FileKey(id), counted, ct);
        try
        {
            if (counted.BytesRead == 0)
            {
                throw ChatException.Invalid("The file is empty.");
            }
            var (contentType, thumbnail) = Inspect(id, name);
            if (thumbnail is not null)
            {
                await store.SaveAsync(ThumbnailKey(id), new MemoryStream(thumbnail.Bytes, writable: false), ct);
            }
            var row = new Attachment
            {
                Id = id, ThreadId = threadId, UploaderId = userId, FileName = name, ContentType = contentType, Size = counted.BytesRead,
                Width = thumbnail?.Width, Height = thumbnail?.Height, UploadedAt = clock.GetUtcNow().UtcDateTime,
            };
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            db.Attachments.Add(row);
            await db.SaveChangesAsync(CancellationToken.None);
            return View(row);
        }
        catch
        {
            await RemoveBytesAsync([id]);
            throw;
        }
    }

    /// <summary>
    /// The file (or its thumbnail) for someone allowed to see it: its uploader while it is unattached,
    /// every member of its thread once a message carries it. Everyone else: not found.
    /// </summary>
    public async Task<AttachmentDownload> OpenAsync(string userId, Guid attachmentId, bool thumbnail, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Attachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && db.ThreadMembers.Any(m => m.ThreadId == a.ThreadId && m.OwnerId == userId))
            .Where(a => a.UploaderId == userId
                || db.Messages.Any(m => m.SenderId == a.UploaderId && m.ClientMessageId == a.ClientMessageId && m.ThreadId == a.ThreadId))
            .SingleOrDefaultAsync(ct);
        if (row is null || (thumbnail && !row.HasThumbnail))
        {
            throw ChatException.AttachmentNotFound();
        }
        var content = store.OpenRead(thumbnail ? ThumbnailKey(row.Id) : FileKey(row.Id)) ?? throw ChatException.AttachmentNotFound();
        var view = View(row);
        var contentType = thumbnail ? SniffStored(content) : row.ContentType;
        return new AttachmentDownload(view, content, contentType, Inline: thumbnail || view.IsImage);
    }

    internal static AttachmentView View(Attachment a) => new(a.Id, a.FileName, a.ContentType, a.Size, a.Width, a.Height);

    /// <summary>Removes files' bytes and thumbnails from the store; a failure is logged, the rows are already gone.</summary>
    internal async Task RemoveBytesAsync(IReadOnlyCollection<Guid> ids)
    {
        foreach (var id in ids)
        {
            try
            {
                await store.DeleteAsync(FileKey(id), CancellationToken.None);
                await store.DeleteAsync(ThumbnailKey(id), CancellationToken.None);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(ex, "The bytes of attachment {AttachmentId} could not be removed from the store.", id);
            }
        }
    }

    private (string ContentType, ImageThumbnail? Thumbnail) Inspect(Guid id, string name)
    {
        using var stored = store.OpenRead(FileKey(id)) ?? throw new InvalidOperationException("An attachment just stored is missing.");
        var sample = new byte[ContentSniffer.SampleSize];
        var length = stored.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        var contentType = ContentSniffer.Sniff(sample.AsSpan(0, length), name);
        if (!ContentSniffer.IsRasterImage(contentType))
        {
            return (contentType, null);
        }
        stored.Position = 0;
        try
        {
            return (contentType, thumbnailer.Make(stored));
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // A damaged or hostile image is kept as a plain file; the decoder's complaint is not the uploader's error.
            logger.LogInformation("Attachment {AttachmentId} did not decode as {ContentType}; kept as a plain file: {Reason}", id, contentType, ex.Message);
            return (contentType, null);
        }
    }

    private static string SniffStored(Stream content)
    {
        var sample = new byte[16];
        var length = content.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        content.Position = 0;
        return ContentSniffer.Sniff(sample.AsSpan(0, length), "");
    }
}
