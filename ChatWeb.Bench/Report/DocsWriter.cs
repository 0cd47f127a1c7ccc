namespace ChatWeb.Bench.Report;

/// <summary>Replaces the generated part of docs/performance.md, leaving the prose around it alone.</summary>
internal static class DocsWriter
{
    public const string Begin = "<!-- bench:results:begin -->";
    public const string End = "<!-- bench:results:end -->";

    public static void Write(string path, string table)
    {
        var generated = $"{Begin}\n{table.TrimEnd()}\n{End}";
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Performance\n\n";
        var (start, end) = (text.IndexOf(Begin, StringComparison.Ordinal), text.IndexOf(End, StringComparison.Ordinal));
        text = start >= 0 && end > start
            ? text[..start] + generated + text[(end + End.Length)..]
            : text.TrimEnd() + "\n\n" + generated + "\n";
        File.WriteAllText(path, text);
    }
}
