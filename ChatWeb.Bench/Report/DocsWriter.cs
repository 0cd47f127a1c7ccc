namespace ChatWeb.Bench.Report;

/// <summary>Replaces a generated part of docs/performance.md (between its markers), leaving the prose around it alone.</summary>
internal static class DocsWriter
{
    public const string Begin = "<!-- bench:results:begin -->";
    public const string End = "<!-- bench:results:end -->";

    public static void Write(string path, string table, string begin = Begin, string end = End)
    {
        var generated = $"{begin}\n{table.TrimEnd()}\n{end}";
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Performance\n\n";
        var (from, to) = (text.IndexOf(begin, StringComparison.Ordinal), text.IndexOf(end, StringComparison.Ordinal));
        text = from >= 0 && to > from
            ? text[..from] + generated + text[(to + end.Length)..]
            : text.TrimEnd() + "\n\n" + generated + "\n";
        File.WriteAllText(path, text);
    }
}
