using System.Collections.Concurrent;

namespace ChatWeb.BrowserTests.Infrastructure;

/// <summary>The last lines a child process wrote, to explain why it failed to start or misbehaved.</summary>
internal sealed class OutputTail(int capacity = 200)
{
    private readonly ConcurrentQueue<string> lines = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }
        lines.Enqueue(line);
        while (lines.Count > capacity && lines.TryDequeue(out _))
        {
        }
    }

    /// <summary>How many of the kept lines contain <paramref name="text"/>.</summary>
    public int Count(string text) => lines.Count(line => line.Contains(text, StringComparison.Ordinal));

    public override string ToString() => string.Join(Environment.NewLine, lines);
}
