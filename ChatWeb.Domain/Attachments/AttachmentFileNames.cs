using System.Globalization;
using System.Text;

namespace ChatWeb.Domain.Attachments;

/// <summary>
/// A file name fit to show and to put in a download's header: its last path segment only (a
/// "../../etc/passwd" becomes "passwd"), no control, format or direction characters (an override
/// that shows "exe.png" for "png.exe" is dropped), none of the characters Windows forbids, at most
/// <see cref="Entities.Attachment.FileNameMaxLength"/> characters with its extension kept. Names are
/// cleaned, not refused: the file itself is what the sender meant to share.
/// </summary>
public static class AttachmentFileNames
{
    public const string Fallback = "file";
    private const int MaxExtensionLength = 16;

    public static string Sanitize(string? name)
    {
        var raw = (name ?? "").Normalize(NormalizationForm.FormC);
        var lastSeparator = raw.LastIndexOfAny(['/', '\\']);
        var segment = lastSeparator >= 0 ? raw[(lastSeparator + 1)..] : raw;

        var clean = new StringBuilder(Math.Min(segment.Length, 256));
        foreach (var rune in segment.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (rune == Rune.ReplacementChar || category is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse)
            {
                continue;
            }
            clean.Append(rune.Value is ':' or '*' or '?' or '"' or '<' or '>' or '|' ? "_" : rune.ToString());
        }
        var trimmed = clean.ToString().Trim().Trim('.').Trim();
        return trimmed.Length == 0 ? Fallback : Shorten(trimmed);
    }

    private static string Shorten(string name)
    {
        var max = Entities.Attachment.FileNameMaxLength;
        if (name.Length <= max)
        {
            return name;
        }
        var extension = Path.GetExtension(name);
        if (extension.Length > MaxExtensionLength)
        {
            extension = "";
        }
        var stem = name[..^extension.Length];
        var cut = max - extension.Length;
        // Never cut a surrogate pair in half.
        if (char.IsHighSurrogate(stem[cut - 1]))
        {
            cut--;
        }
        return stem[..cut].TrimEnd() + extension;
    }
}
