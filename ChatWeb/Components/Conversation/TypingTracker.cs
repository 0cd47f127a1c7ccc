using ChatWeb.Realtime;

namespace ChatWeb.Components.Conversation;

/// <summary>Who is typing in the open conversation. A notice lasts a few seconds unless another follows.</summary>
internal sealed class TypingTracker(TimeProvider time)
{
    /// <summary>Senders repeat the notice at most every 2 s while typing, so 4 s of silence means they stopped.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(4);

    private readonly Dictionary<string, (string DisplayName, DateTimeOffset Until)> typists = new(StringComparer.OrdinalIgnoreCase);

    public void Note(TypingNotice notice) =>
        typists[notice.UserName] = (notice.DisplayName, time.GetUtcNow() + Lifetime);

    /// <summary>Their message arrived: they are done typing it.</summary>
    public void Remove(string userName) => typists.Remove(userName);

    public IReadOnlyList<string> ActiveDisplayNames()
    {
        var now = time.GetUtcNow();
        foreach (var expired in typists.Where(t => t.Value.Until <= now).Select(t => t.Key).ToList())
        {
            typists.Remove(expired);
        }
        return typists.Values.OrderBy(t => t.Until).Select(t => t.DisplayName).ToList();
    }

    /// <summary>When the next notice lapses, if any is live: the moment the line must change.</summary>
    public DateTimeOffset? NextExpiry
    {
        get
        {
            var now = time.GetUtcNow();
            var live = typists.Values.Where(t => t.Until > now).Select(t => t.Until).ToList();
            return live.Count == 0 ? null : live.Min();
        }
    }

    public static string? Describe(IReadOnlyList<string> names) => names.Count switch
    {
        0 => null,
        1 => $"{names[0]} is typing…",
        2 => $"{names[0]} and {names[1]} are typing…",
        _ => "Several people are typing…",
    };
}
