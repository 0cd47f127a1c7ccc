using System.Globalization;
using System.Text;

namespace ChatWeb.Domain.Search;

/// <summary>
/// Words as the search engines see them: runs of letters, digits and marks (what SQLite's
/// <c>unicode61</c> tokenizer keeps; everything else separates), compared case- and accent-insensitively.
/// The domain uses it to read a query into words, so nothing typed can become an engine's operator,
/// and to find the matches in a message it highlights.
/// </summary>
internal static class SearchText
{
    /// <summary>The words of <paramref name="text"/>, each with where it stands (UTF-16 units) and its folded form.</summary>
    public static List<SearchWord> Words(string text)
    {
        var words = new List<SearchWord>();
        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed);
            if (IsWordRune(rune))
            {
                if (start < 0)
                {
                    start = i;
                }
            }
            else if (start >= 0)
            {
                words.Add(Word(text, start, i));
                start = -1;
            }
            i += consumed;
        }
        if (start >= 0)
        {
            words.Add(Word(text, start, text.Length));
        }
        return words;
    }

    /// <summary>Lower case without accents: "Ça" and "ca" fold alike, as the engines compare them.</summary>
    public static string Fold(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
            {
                folded.Append(c);
            }
        }
        return folded.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }

    private static SearchWord Word(string text, int start, int end) => new(start, end - start, Fold(text[start..end]));

    private static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
        UnicodeCategory.PrivateUse => true,
        _ => false,
    };
}

/// <summary>A word of a text: where it starts, how long it is (UTF-16 units), and its folded form.</summary>
internal readonly record struct SearchWord(int Start, int Length, string Folded)
{
    public int End => Start + Length;
}
