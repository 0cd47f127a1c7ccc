using System.Text.Json.Serialization;

namespace ChatWeb.Domain.Attachments;

/// <summary>
/// A file as clients see it (<c>Message.attachments[]</c> and the upload's answer). Width and height
/// are the original image's, present only for an image that decoded and so has a thumbnail.
/// </summary>
public sealed record AttachmentView(Guid Id, string FileName, string ContentType, long Size, int? Width, int? Height)
{
    /// <summary>A raster image that decoded: shown as its thumbnail, and served inline.</summary>
    [JsonIgnore]
    public bool IsImage => Width is not null && ContentSniffer.IsRasterImage(ContentType);
}
