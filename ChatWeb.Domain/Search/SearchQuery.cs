using System.Text;
using ChatWeb.Domain.Chat;

namespace ChatWeb.Domain.Search;

/// <summary>
/// A search as typed, read once for every engine: every word must match (the last one as the start
/// of a word while it is being typed), a quoted part is a phrase, and <c>from:name@corp.example</c>
/// (or <c>from:me</c>) keeps one person's messages. Everything else a person types, the engines' own
/// syntax included (quotes left open, <c>*</c>, <c>-</c>, <c>NEAR</c>, <c>OR</c>, parentheses, colons), is
/// text: only its words are searched, so nothing typed can fail a search or widen it.
/// </summary>
internal sealed record SearchQuery(IReadOnlyList<SearchTerm> Terms, string? From)
{
    /// <summary>Longer than anyone types; bounds the work one call can ask for.</summary>
    public const int MaxLength = 500;

    private const string FromPrefix = "from:";
    private const string Quotes = "\"“”„«»";

    /// <summary>
    /// The query, or null when there is nothing to search for (blank, one character, or no word at
    /// all): the caller answers with no hits and reads nothing. Refuses a query over <see cref="MaxLength"/>.
    /// </summary>
    public static SearchQuery? Parse(string? text)
    {
        if (text is not null && text.Length > MaxLength)
        {
            throw ChatException.Invalid($"A search can be at most {MaxLength} characters long; this one has {text.Length:N0}.");
        }
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length < 2)
        {
            return null;
        }

        var terms = new List<SearchTerm>();
        string? from = null;
        var parts = Split(trimmed);
        // The last word is still being typed unless a space, or a closing quote, ended it.
        var typing = !char.IsWhiteSpace(text![^1]);
        for (var p = 0; p < parts.Count; p++)
        {
            var (part, quoted) = parts[p];
            if (!quoted && part.StartsWith(FromPrefix, StringComparison.OrdinalIgnoreCase) && part.Length > FromPrefix.Length)
            {
                from = part[FromPrefix.Length..].TrimStart('@');
                continue;
            }
            var words = SearchText.Words(part).ConvertAll(w => w.Folded);
            if (quoted && words.Count > 1)
            {
                terms.Add(new SearchTerm(words, IsPrefix: false));
                continue;
            }
            for (var w = 0; w < words.Count; w++)
            {
                // A one-letter start would match most of the index; it is searched as a whole word.
                var isPrefix = typing && !quoted && p == parts.Count - 1 && w == words.Count - 1 && words[w].Length > 1;
                terms.Add(new SearchTerm([words[w]], isPrefix));
            }
        }

        var distinct = terms.Distinct().ToList();
        return distinct.Count == 0 ? null : new SearchQuery(distinct, string.IsNullOrEmpty(from) ? null : from);
    }

    /// <summary>Splits on white space outside quotes; a quoted part (to its closing quote, or the end) is one part.</summary>
    private static List<(string Text, bool Quoted)> Split(string text)
    {
        var parts = new List<(string, bool)>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (Quotes.Contains(c))
            {
                Flush();
                quoted = !quoted;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                Flush();
            }
            else
            {
                current.Append(c);
            }
        }
        Flush();
        return parts;

        void Flush()
        {
            if (current.Length > 0)
            {
                parts.Add((current.ToString(), quoted));
                current.Clear();
            }
        }
    }
}
