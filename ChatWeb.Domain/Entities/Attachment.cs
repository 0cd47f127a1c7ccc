namespace ChatWeb.Domain.Entities;

/// <summary>
/// A file uploaded to a thread. Its bytes (and its thumbnail's) live in the attachment store under
/// its id; this row is what the rules read. It belongs to the message its uploader sends with the
/// same client message id (<see cref="ClientMessageId"/>): the message's own idempotency key, so
/// attaching needs nothing from the send path's statements and a retried send finds its files.
/// Never attached within a day, it is removed.
/// </summary>
public sealed class Attachment
{
    public const int FileNameMaxLength = 200;
    public const int ContentTypeMaxLength = 100;

    public required Guid Id { get; set; }
    public Guid ThreadId { get; set; }
    public required string UploaderId { get; set; }

    /// <summary>Sanitized: one path segment, no control or direction characters (see AttachmentFileNames).</summary>
    public required string FileName { get; set; }

    /// <summary>Decided from the bytes, never taken from the client.</summary>
    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>The original's pixels, for an image that decoded; null for anything else.</summary>
    public int? Width { get; set; }
    public int? Height { get; set; }

    public DateTime UploadedAt { get; set; }

    /// <summary>The client message id of the uploader's message this file belongs to; null while unattached.</summary>
    public string? ClientMessageId { get; set; }

    /// <summary>When it was claimed for <see cref="ClientMessageId"/>; a claim whose message never came can be taken over later.</summary>
    public DateTime? AttachedAt { get; set; }

    /// <summary>Its place among the message's attachments, from 0.</summary>
    public int Position { get; set; }

    public bool HasThumbnail => Width is not null;
}
