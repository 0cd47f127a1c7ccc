namespace ChatWeb.Domain.Attachments;

/// <summary>
/// A file to send to someone allowed to see it: its description, its bytes (seekable, for range
/// requests; the caller disposes it), the type to serve it as, and whether it may be shown inline
/// (a decoded raster image or a thumbnail) or must be downloaded.
/// </summary>
public sealed record AttachmentDownload(AttachmentView Attachment, Stream Content, string ContentType, bool Inline) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
