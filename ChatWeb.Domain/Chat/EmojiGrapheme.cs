using System.Globalization;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// Whether a string is one emoji: exactly one grapheme (.NET's extended grapheme clusters, UAX #29),
/// made of emoji parts only. That is a pictograph with its variation selector, skin tone, tags or
/// further pictographs joined by ZWJ (a family, a profession, a subdivision flag), a pair of regional
/// indicators (a flag), or a keycap. Any emoji counts, not a fixed list, as in Slack: the check is by
/// Unicode's Extended_Pictographic property, which already covers code points set aside for future emoji.
/// </summary>
internal static class EmojiGrapheme
{
    private const int ZeroWidthJoiner = 0x200D;
    private const int CombiningKeycap = 0x20E3;

    // Extended_Pictographic, from Unicode's emoji-data.txt (15.0), adjacent ranges merged.
    private static readonly (int First, int Last)[] Pictographic =
    [
        (0xA9, 0xA9), (0xAE, 0xAE), (0x203C, 0x203C), (0x2049, 0x2049), (0x2122, 0x2122), (0x2139, 0x2139),
        (0x2194, 0x2199), (0x21A9, 0x21AA), (0x231A, 0x231B), (0x2328, 0x2328), (0x2388, 0x2388), (0x23CF, 0x23CF),
        (0x23E9, 0x23F3), (0x23F8, 0x23FA), (0x24C2, 0x24C2), (0x25AA, 0x25AB), (0x25B6, 0x25B6), (0x25C0, 0x25C0),
        (0x25FB, 0x25FE), (0x2600, 0x2605), (0x2607, 0x2612), (0x2614, 0x2685), (0x2690, 0x2705), (0x2708, 0x2712),
        (0x2714, 0x2714), (0x2716, 0x2716), (0x271D, 0x271D), (0x2721, 0x2721), (0x2728, 0x2728), (0x2733, 0x2734),
        (0x2744, 0x2744), (0x2747, 0x2747), (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757),
        (0x2763, 0x2767), (0x2795, 0x2797), (0x27A1, 0x27A1), (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2934, 0x2935),
        (0x2B05, 0x2B07), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55), (0x3030, 0x3030), (0x303D, 0x303D),
        (0x3297, 0x3297), (0x3299, 0x3299), (0x1F000, 0x1F0FF), (0x1F10D, 0x1F10F), (0x1F12F, 0x1F12F), (0x1F16C, 0x1F171),
        (0x1F17E, 0x1F17F), (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A), (0x1F1AD, 0x1F1E5), (0x1F201, 0x1F20F), (0x1F21A, 0x1F21A),
        (0x1F22F, 0x1F22F), (0x1F232, 0x1F23A), (0x1F23C, 0x1F23F), (0x1F249, 0x1F3FA), (0x1F400, 0x1F53D), (0x1F546, 0x1F64F),
        (0x1F680, 0x1F6FF), (0x1F774, 0x1F77F), (0x1F7D5, 0x1F7FF), (0x1F80C, 0x1F80F), (0x1F848, 0x1F84F), (0x1F85A, 0x1F85F),
        (0x1F888, 0x1F88F), (0x1F8AE, 0x1F8FF), (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945), (0x1F947, 0x1FAFF), (0x1FC00, 0x1FFFD),
    ];

    public static bool IsSingleEmoji(string text)
    {
        if (text.Length > Entities.Reaction.EmojiMaxLength || StringInfo.GetNextTextElementLength(text) != text.Length)
        {
            return false;
        }
        var runes = new List<int>(8);
        foreach (var rune in text.EnumerateRunes())
        {
            runes.Add(rune.Value);
        }
        return IsFlag(runes) || IsKeycap(runes) || IsPictographicSequence(runes);
    }

    private static bool IsFlag(List<int> runes) => runes.Count == 2 && runes.TrueForAll(IsRegionalIndicator);

    // "1️⃣": a digit, # or *, an optional emoji variation selector, the combining keycap.
    private static bool IsKeycap(List<int> runes) =>
        runes.Count is 2 or 3 && runes[0] is (>= '0' and <= '9') or '#' or '*' && runes[^1] == CombiningKeycap
        && (runes.Count == 2 || runes[1] == 0xFE0F);

    private static bool IsPictographicSequence(List<int> runes) =>
        IsPictographic(runes[0]) && runes[^1] != ZeroWidthJoiner
        && runes.Skip(1).All(r => IsPictographic(r) || r is ZeroWidthJoiner or 0xFE0F or 0xFE0E || IsSkinTone(r) || IsTag(r));

    private static bool IsPictographic(int rune)
    {
        var (low, high) = (0, Pictographic.Length - 1);
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (rune < Pictographic[mid].First)
            {
                high = mid - 1;
            }
            else if (rune > Pictographic[mid].Last)
            {
                low = mid + 1;
            }
            else
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsRegionalIndicator(int rune) => rune is >= 0x1F1E6 and <= 0x1F1FF;

    private static bool IsSkinTone(int rune) => rune is >= 0x1F3FB and <= 0x1F3FF;

    // The tag characters of a subdivision flag (England's, say), ending with the cancel tag.
    private static bool IsTag(int rune) => rune is >= 0xE0020 and <= 0xE007F;
}
