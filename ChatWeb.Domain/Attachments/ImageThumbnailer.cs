using SkiaSharp;

namespace ChatWeb.Domain.Attachments;

/// <summary>
/// Thumbnails with SkiaSharp (Skia's own decoders, maintained by Google and Microsoft, MIT-licensed,
/// native assets for Linux without further dependencies). The header is read first: an image that
/// declares more pixels than allowed is never decoded, so a decompression bomb costs nothing.
/// Decoding asks the codec for the nearest smaller size it can produce directly (JPEG decodes at
/// 1/2, 1/4, 1/8), so a large photo is never held at full size. The thumbnail is drawn anew and
/// encoded as WebP, so it carries none of the original's metadata (no EXIF location).
/// </summary>
public sealed class ImageThumbnailer(long maxPixels)
{
    public const int MaxEdge = 480;
    private const int Quality = 80;

    /// <summary>The original's size and its thumbnail's bytes; null when it is not an image that decodes within the limit.</summary>
    public ImageThumbnail? Make(Stream image)
    {
        using var codec = SKCodec.Create(image);
        if (codec is null)
        {
            return null;
        }
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || (long)width * height > maxPixels)
        {
            return null;
        }
        var scale = Math.Min(1f, (float)MaxEdge / Math.Max(width, height));
        var decodeSize = codec.GetScaledDimensions(scale);
        // The codec rounds to the scales it supports, possibly below the thumbnail's size: ask for the next one up.
        var wanted = Math.Min(MaxEdge, Math.Max(width, height));
        while (Math.Max(decodeSize.Width, decodeSize.Height) < wanted && scale < 1f)
        {
            scale = Math.Min(1f, scale * 2);
            decodeSize = codec.GetScaledDimensions(scale);
        }
        var decodeInfo = new SKImageInfo(decodeSize.Width, decodeSize.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(decodeInfo);
        var result = codec.GetPixels(decodeInfo, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return null;
        }
        using var upright = Upright(decoded, codec.EncodedOrigin);
        var (thumbWidth, thumbHeight) = Fit(upright.Width, upright.Height);
        using var resized = upright.Resize(new SKImageInfo(thumbWidth, thumbHeight, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        if (resized is null)
        {
            return null;
        }
        using var encoded = resized.Encode(SKEncodedImageFormat.Webp, Quality) ?? resized.Encode(SKEncodedImageFormat.Png, 100);
        if (encoded is null)
        {
            return null;
        }
        var turned = codec.EncodedOrigin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        return new ImageThumbnail(turned ? height : width, turned ? width : height, encoded.ToArray());
    }

    private static (int Width, int Height) Fit(int width, int height)
    {
        var scale = Math.Min(1.0, (double)MaxEdge / Math.Max(width, height));
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    /// <summary>A phone's photo says in its EXIF which way is up; the thumbnail is drawn that way up.</summary>
    private static SKBitmap Upright(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
        {
            return bitmap.Copy();
        }
        var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(turned ? bitmap.Height : bitmap.Width, turned ? bitmap.Width : bitmap.Height, bitmap.ColorType, bitmap.AlphaType);
        using var canvas = new SKCanvas(result);
        var (w, h) = (bitmap.Width, bitmap.Height);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1, w / 2f, 0); break;
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180, w / 2f, h / 2f); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1, 0, h / 2f); break;
            case SKEncodedOrigin.LeftTop: canvas.RotateDegrees(90); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(h, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(h, w); canvas.RotateDegrees(90); canvas.Scale(-1, 1); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, w); canvas.RotateDegrees(-90); break;
        }
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return result;
    }
}

/// <summary>The original image's size and its thumbnail, encoded.</summary>
public sealed record ImageThumbnail(int Width, int Height, byte[] Bytes);
