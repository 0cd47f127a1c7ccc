using System.Text;

namespace ChatWeb.Domain.Attachments;

/// <summary>
/// A file's content type, decided from its first bytes; the client's claim and the file's name are
/// not believed. Only types whose signatures are unambiguous are named; readable UTF-8 is
/// <c>text/plain</c> (so an HTML page or an SVG, script and all, is plain text to every browser)
/// and everything else is <c>application/octet-stream</c>. No answer is ever script-capable.
/// </summary>
public static class ContentSniffer
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Gif = "image/gif";
    public const string WebP = "image/webp";
    public const string PlainText = "text/plain";
    public const string Binary = "application/octet-stream";

    /// <summary>How much of a file is read to decide.</summary>
    public const int SampleSize = 8192;

    private static readonly Dictionary<string, string> OfficeByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    };

    /// <summary>The raster formats browsers decode safely; the only types served inline.</summary>
    public static bool IsRasterImage(string contentType) => contentType is Png or Jpeg or Gif or WebP;

    /// <param name="sample">The file's first bytes (up to <see cref="SampleSize"/>), all of them for a smaller file.</param>
    /// <param name="fileName">Consulted only to tell Office documents from other ZIP archives, which share a signature.</param>
    public static string Sniff(ReadOnlySpan<byte> sample, string fileName)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }
        if (sample.StartsWith("GIF87a"u8) || sample.StartsWith("GIF89a"u8))
        {
            return Gif;
        }
        if (sample.Length >= 12 && sample.StartsWith("RIFF"u8) && sample[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }
        if (sample.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }
        if (sample.StartsWith((ReadOnlySpan<byte>)[(byte)'P', (byte)'K', 0x03, 0x04]))
        {
            return OfficeByExtension.GetValueOrDefault(Path.GetExtension(fileName), "application/zip");
        }
        if (sample.Length >= 12 && sample[4..8].SequenceEqual("ftyp"u8))
        {
            return "video/mp4";
        }
        return IsText(sample) ? PlainText : Binary;
    }

    /// <summary>UTF-8 (a sequence cut by the sample's end is fine) with no NUL and no control characters but white space.</summary>
    private static bool IsText(ReadOnlySpan<byte> sample)
    {
        if (sample.Length == 0)
        {
            return false;
        }
        var rest = sample;
        while (!rest.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(rest, out var rune, out var consumed);
            if (status == System.Buffers.OperationStatus.NeedMoreData && rest.Length < 4 && sample.Length == SampleSize)
            {
                return true;
            }
            if (status != System.Buffers.OperationStatus.Done || (Rune.IsControl(rune) && rune.Value is not ('\n' or '\r' or '\t' or '\f')))
            {
                return false;
            }
            rest = rest[consumed..];
        }
        return true;
    }
}
