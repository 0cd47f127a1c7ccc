using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChatWeb.Tests.Infrastructure;

/// <summary>
/// Every log entry the app writes, after the app's own level rules (appsettings.json), as the
/// console would have shown it: for tests about what reaches the log.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private const int Capacity = 20_000;

    private readonly ConcurrentQueue<LogEntry> entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. entries];

    /// <summary>Entries written from now on, for a test that shares its app with others.</summary>
    public LogWindow Window() => new(this, entries.Count);

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        entries.Enqueue(entry);
        while (entries.Count > Capacity && entries.TryDequeue(out _))
        {
        }
    }

    private sealed class Recorder(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Add(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception));
    }
}

public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception)
{
    /// <summary>The message and the exception's messages: everything of this entry a log file would hold as text.</summary>
    public string AllText => Exception is null ? Message : $"{Message} {Exception}";
}

/// <summary>The entries of one <see cref="LogCapture"/> written after a point.</summary>
public sealed class LogWindow(LogCapture capture, int start)
{
    // Only ever grows until it is cut at its capacity, which a test's own window never reaches.
    public IReadOnlyList<LogEntry> Entries => capture.Entries.Skip(start).ToList();
}
