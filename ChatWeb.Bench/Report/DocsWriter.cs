using ChatWeb.Bench.Hosting;

namespace ChatWeb.Bench.Report;

/// <summary>
/// Replaces a generated part of docs/performance.md (between its markers), leaving the prose
/// around it alone. The markers count only on lines of their own, so prose may name them.
/// </summary>
internal static class DocsWriter
{
    public const string Begin = "<!-- bench:results:begin -->";
    public const string End = "<!-- bench:results:end -->";

    /// <param name="path">Absolute, or relative to the repository's root (as the README's commands give it), wherever the bench runs from.</param>
    public static void Write(string path, string table, string begin = Begin, string end = End)
    {
        path = Path.IsPathRooted(path) ? path : Path.Combine(RepoPaths.Root, path);
        var generated = new[] { begin, table.TrimEnd(), end };
        var lines = File.Exists(path) ? File.ReadAllText(path).Split('\n').ToList() : ["# Performance", ""];
        var start = lines.FindIndex(l => l.TrimEnd('\r') == begin);
        var stop = start < 0 ? -1 : lines.FindIndex(start + 1, l => l.TrimEnd('\r') == end);
        if (start >= 0 && stop > start)
        {
            lines.RemoveRange(start, stop - start + 1);
            lines.InsertRange(start, generated);
        }
        else
        {
            while (lines.Count > 0 && lines[^1].Trim().Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }
            lines.AddRange(["", .. generated, ""]);
        }
        File.WriteAllText(path, string.Join('\n', lines));
    }
}
