namespace ChatWeb.Components.Search;

/// <summary>A piece of a hit's snippet: plain text, or a match to highlight. Rendered as text either way.</summary>
public sealed record SnippetPart(string Text, bool IsMatch)
{
    /// <summary>
    /// Cuts the snippet at the server's <c>[start, length]</c> ranges. Ranges out of order, overlapping
    /// or past the end are clamped rather than trusted, so a bad pair can never throw while rendering.
    /// </summary>
    public static IReadOnlyList<SnippetPart> Split(string snippet, IReadOnlyList<int[]> ranges)
    {
        var parts = new List<SnippetPart>();
        var at = 0;
        foreach (var range in ranges.Where(r => r.Length == 2).OrderBy(r => r[0]))
        {
            var start = Math.Clamp(range[0], at, snippet.Length);
            var end = Math.Clamp(range[0] + Math.Max(range[1], 0), start, snippet.Length);
            if (start > at)
            {
                parts.Add(new SnippetPart(snippet[at..start], false));
            }
            if (end > start)
            {
                parts.Add(new SnippetPart(snippet[start..end], true));
            }
            at = end;
        }
        if (at < snippet.Length)
        {
            parts.Add(new SnippetPart(snippet[at..], false));
        }
        return parts;
    }
}
