using ChatWeb.Realtime;

namespace ChatWeb.Components.Conversation;

/// <summary>
/// Who is typing in the open conversation. A notice lasts a few seconds unless another follows;
/// one timer, set for the next notice to lapse, raises <see cref="Lapsed"/> so the line is drawn
/// again without that name. The timer fires on a pool thread, hence the lock.
/// </summary>
internal sealed class TypingTracker(TimeProvider time) : IDisposable
{
    /// <summary>Senders repeat the notice at most every 2 s while typing, so 4 s of silence means they stopped.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(4);

    // A little past the lapse, so the name is surely gone when the line is drawn again.
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(50);

    private readonly Lock gate = new();
    private readonly Dictionary<string, (string DisplayName, DateTimeOffset Until)> typists = new(StringComparer.OrdinalIgnoreCase);
    private ITimer? expiry;
    private bool disposed;

    /// <summary>A notice lapsed: the names shown may have changed. Raised off the renderer's context.</summary>
    public event Action? Lapsed;

    public void Note(TypingNotice notice)
    {
        lock (gate)
        {
            typists[notice.UserName] = (notice.DisplayName, time.GetUtcNow() + Lifetime);
            ScheduleNextLapse();
        }
    }

    /// <summary>Their message arrived: they are done typing it.</summary>
    public void Remove(string userName)
    {
        lock (gate)
        {
            typists.Remove(userName);
        }
    }

    public IReadOnlyList<string> ActiveDisplayNames()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            return typists.Values.Where(t => t.Until > now).OrderBy(t => t.Until).Select(t => t.DisplayName).ToList();
        }
    }

    public static string? Describe(IReadOnlyList<string> names) => names.Count switch
    {
        0 => null,
        1 => $"{names[0]} is typing…",
        2 => $"{names[0]} and {names[1]} are typing…",
        _ => "Several people are typing…",
    };

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            expiry?.Dispose();
        }
    }

    private void OnTimer()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }
            ScheduleNextLapse();
        }
        Lapsed?.Invoke();
    }

    /// <summary>Drops lapsed notices and sets the timer for the next one, if any is live.</summary>
    private void ScheduleNextLapse()
    {
        var now = time.GetUtcNow();
        foreach (var lapsed in typists.Where(t => t.Value.Until <= now).Select(t => t.Key).ToList())
        {
            typists.Remove(lapsed);
        }
        if (disposed || typists.Count == 0)
        {
            return;
        }
        expiry ??= time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var due = typists.Values.Min(t => t.Until) - now + Margin;
        expiry.Change(due, Timeout.InfiniteTimeSpan);
    }
}
