namespace ChatWeb.Domain.Attachments;

/// <summary>The <c>Attachments</c> settings section.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>The most files one message carries.</summary>
    public const int MaxPerMessage = 10;

    /// <summary>
    /// Where the bytes live: <see cref="AttachmentStores.Folder"/> (a folder, <see cref="Path"/>) or
    /// <see cref="AttachmentStores.Database"/> (the database, in chunks; for several nodes without a shared folder).
    /// </summary>
    public string Store { get; set; } = AttachmentStores.Folder;

    /// <summary>The largest file taken, in bytes (25 MB); a larger upload is refused while it streams in.</summary>
    public long MaxBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>
    /// The folder the files live in; relative paths are placed under the app's folder. Several nodes
    /// must share it (a network folder mounted at the same path on each).
    /// </summary>
    public string Path { get; set; } = "data/attachments";

    /// <summary>
    /// The most pixels an image may declare before it is decoded for its thumbnail; a larger one is
    /// kept as a plain file. A few kilobytes of PNG can declare gigabytes of pixels (a decompression bomb).
    /// </summary>
    public long MaxImagePixels { get; set; } = 50_000_000;

    /// <summary>How long an upload that no message took is kept.</summary>
    public TimeSpan UnattachedLifetime { get; set; } = TimeSpan.FromHours(24);
}
