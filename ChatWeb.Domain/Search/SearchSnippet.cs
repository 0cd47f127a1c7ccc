using System.Text;

namespace ChatWeb.Domain.Search;

/// <summary>
/// What a hit shows: the message's text on one line around its first match, cut to
/// <see cref="MaxLength"/> with "…" where it was cut, and where the matches lie in it, as
/// <c>[start, length]</c> pairs (UTF-16 units) so a client highlights without ever receiving markup.
/// </summary>
internal static class SearchSnippet
{
    public const int MaxLength = 160;

    // How much of the text before the first match the snippet keeps, when it cannot keep it all.
    private const int Lead = 40;

    /// <summary>The snippet and its ranges; null when the text does not match every term of the query.</summary>
    public static (string Snippet, IReadOnlyList<int[]> Ranges)? Of(string body, SearchQuery query)
    {
        var flat = Flatten(body);
        var words = SearchText.Words(flat);
        var matches = new List<(int Start, int End)>();
        foreach (var term in query.Terms)
        {
            var found = Matches(words, term);
            if (found.Count == 0)
            {
                return null;
            }
            matches.AddRange(found);
        }
        matches.Sort();

        var first = matches[0].Start;
        var start = flat.Length <= MaxLength || first <= Lead ? 0 : WordStartAtOrAfter(flat, first - Lead, first);
        var end = Math.Min(flat.Length, start + MaxLength);
        if (end < flat.Length)
        {
            end = WordEndAtOrBefore(flat, end, Math.Max(start + 1, matches[0].End));
        }
        var lead = start > 0 ? "…" : "";
        var snippet = string.Concat(lead, flat.AsSpan(start, end - start), end < flat.Length ? "…" : "");

        var ranges = new List<int[]>();
        var covered = start;
        foreach (var (s, e) in matches)
        {
            var from = Math.Max(s, covered);
            var to = Math.Min(e, end);
            if (to > from)
            {
                ranges.Add([from - start + lead.Length, to - from]);
                covered = to;
            }
        }
        return (snippet, ranges);
    }

    /// <summary>Every place a term matches: a whole word, a word's start, or its words in a row.</summary>
    private static List<(int Start, int End)> Matches(List<SearchWord> words, SearchTerm term)
    {
        var found = new List<(int, int)>();
        var count = term.Words.Count;
        for (var i = 0; i + count <= words.Count; i++)
        {
            var all = true;
            for (var k = 0; k < count && all; k++)
            {
                var word = words[i + k].Folded;
                all = term.IsPrefix && k == count - 1 ? word.StartsWith(term.Words[k], StringComparison.Ordinal) : word == term.Words[k];
            }
            if (all)
            {
                found.Add((words[i].Start, words[i + count - 1].End));
            }
        }
        return found;
    }

    /// <summary>Every run of white space (line breaks included) as one space, the ends trimmed.</summary>
    private static string Flatten(string body)
    {
        var flat = new StringBuilder(body.Length);
        var spaceOwed = false;
        foreach (var c in body)
        {
            if (char.IsWhiteSpace(c))
            {
                spaceOwed = flat.Length > 0;
                continue;
            }
            if (spaceOwed)
            {
                flat.Append(' ');
                spaceOwed = false;
            }
            flat.Append(c);
        }
        return flat.ToString();
    }

    private static int WordStartAtOrAfter(string text, int from, int limit)
    {
        var space = text.IndexOf(' ', from, limit - from);
        return space < 0 ? SafeCut(text, from) : space + 1;
    }

    private static int WordEndAtOrBefore(string text, int end, int floor)
    {
        if (floor >= end)
        {
            return SafeCut(text, end);
        }
        var space = text.LastIndexOf(' ', end - 1, end - floor);
        return space < 0 ? SafeCut(text, end) : space;
    }

    /// <summary>Never between the halves of a surrogate pair.</summary>
    private static int SafeCut(string text, int at) => at > 0 && at < text.Length && char.IsLowSurrogate(text[at]) ? at - 1 : at;
}
