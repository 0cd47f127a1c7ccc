using System.Text;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// What typed text may hold, for every path in. Text is stored in Unicode NFC, so the same name
/// typed on two keyboards is one name. Names (display names, group titles, nicknames) are one line
/// with no control characters and no direction controls: an override such as U+202E makes
/// "‮gnp.exe" show as "exe.png", and direction marks are invisible. Bodies keep line breaks, tabs,
/// emoji sequences and right-to-left scripts, but no other control characters (terminal escapes,
/// NUL). Text that is empty or invisible once trimmed is refused rather than shown as a blank.
/// </summary>
internal static class TextHygiene
{
    /// <summary>A one-line name: NFC, trimmed, refused when it holds control or direction characters or nothing visible.</summary>
    /// <param name="what">How the refusal names the value, e.g. "A group title".</param>
    /// <returns>The clean name, or "" when nothing at all was typed (the caller decides what empty means).</returns>
    public static string Name(string? value, string what)
    {
        var normalized = Normalize(value ?? "", what);
        var trimmed = TrimInvisibleEnds(normalized);
        foreach (var rune in trimmed.EnumerateRunes())
        {
            if (Rune.IsControl(rune))
            {
                throw ChatException.Invalid($"{what} cannot contain control characters or line breaks.");
            }
            if (IsDirectionControl(rune.Value))
            {
                throw ChatException.Invalid($"{what} cannot contain text-direction controls (such as a right-to-left override), which disguise what others see.");
            }
        }
        if ((trimmed.Length == 0 && !IsWhiteSpaceOnly(normalized)) || (trimmed.Length > 0 && IsInvisible(trimmed)))
        {
            throw ChatException.Invalid($"{what} cannot be made only of invisible characters.");
        }
        return trimmed;
    }

    /// <summary>A message body: NFC, line breaks as "\n", no control characters but line breaks and tabs.</summary>
    /// <returns>The clean body, or "" when it holds only white space.</returns>
    public static string Body(string body)
    {
        var normalized = Normalize(body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), "A message");
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (Rune.IsControl(rune) && rune.Value is not ('\n' or '\t'))
            {
                throw ChatException.Invalid($"A message cannot contain control characters other than line breaks and tabs (it has U+{rune.Value:X4}).");
            }
        }
        if (IsWhiteSpaceOnly(normalized))
        {
            return "";
        }
        if (IsInvisible(normalized))
        {
            throw ChatException.Invalid("A message cannot be made only of invisible characters.");
        }
        return normalized;
    }

    /// <summary>Well-formed UTF-16 with no control characters.</summary>
    public static bool IsPlainText(string value)
    {
        if (!IsWellFormed(value))
        {
            return false;
        }
        foreach (var rune in value.EnumerateRunes())
        {
            if (Rune.IsControl(rune))
            {
                return false;
            }
        }
        return true;
    }

    private static string Normalize(string value, string what)
    {
        // Half a surrogate pair is no character at all; it cannot be normalized, stored or shown.
        if (!IsWellFormed(value))
        {
            throw ChatException.Invalid($"{what} contains a broken character (half of a surrogate pair).");
        }
        return value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
    }

    private static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static string TrimInvisibleEnds(string value) =>
        value.Trim().Trim(ZeroWidthAtEnds).Trim();

    // Characters with no meaning at either end of a name; variation selectors are kept (they finish an emoji).
    private static readonly char[] ZeroWidthAtEnds = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];

    private static bool IsWhiteSpaceOnly(string value) => string.IsNullOrWhiteSpace(value);

    /// <summary>Nothing a reader would see: white space, default-ignorable code points (zero-width characters, fillers) and blank patterns.</summary>
    private static bool IsInvisible(string value)
    {
        foreach (var rune in value.EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(rune) && !IsDefaultIgnorable(rune.Value) && rune.Value != 0x2800)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt).</summary>
    private static bool IsDefaultIgnorable(int c) => c is 0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or 0x17B4 or 0x17B5
        or (>= 0x180B and <= 0x180F) or (>= 0x200B and <= 0x200F) or (>= 0x202A and <= 0x202E) or (>= 0x2060 and <= 0x206F)
        or 0x3164 or (>= 0xFE00 and <= 0xFE0F) or 0xFEFF or 0xFFA0 or (>= 0xFFF0 and <= 0xFFF8)
        or (>= 0x1BCA0 and <= 0x1BCA3) or (>= 0x1D173 and <= 0x1D17A) or (>= 0xE0000 and <= 0xE0FFF);

    /// <summary>Embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069) and the marks LRM, RLM and ALM.</summary>
    public static bool IsDirectionControl(int c) =>
        c is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) or 0x200E or 0x200F or 0x061C;
}
