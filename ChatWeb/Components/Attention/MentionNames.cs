using ChatWeb.Domain.Chat;

namespace ChatWeb.Components.Attention;

/// <summary>
/// The members of one thread as mentions read in text: "@" and their display name, as the composer's
/// picker writes them. Finds whom a body mentions (for the draft) and cuts a body into plain text and
/// mentions (for the bubble), always as text, never markup. Longer names are tried first, so
/// "@Ann Lee" is not read as "@Ann" followed by " Lee".
/// </summary>
public sealed class MentionNames
{
    private readonly List<ThreadMemberView> byLongestName;

    public MentionNames(IReadOnlyList<ThreadMemberView> members)
    {
        Source = members;
        byLongestName = members.OrderByDescending(m => m.DisplayName.Length).ToList();
    }

    /// <summary>The list it was made from, so a holder can tell when the members changed.</summary>
    public IReadOnlyList<ThreadMemberView> Source { get; }

    public static readonly MentionNames None = new([]);

    public IReadOnlyList<ThreadMemberView> Members => byLongestName;

    /// <summary>The user names a body mentions, each once, and <see cref="MentionRules.Here"/> when it says so and may.</summary>
    public IReadOnlyList<string> Find(string body, bool canMentionHere)
    {
        var found = new List<string>();
        foreach (var (_, length, member) in Matches(body, byLongestName, here: canMentionHere))
        {
            var name = member?.UserName ?? MentionRules.Here;
            if (!found.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                found.Add(name);
            }
        }
        return found;
    }

    /// <summary>The body as runs of text, each mention of <paramref name="mentioned"/> (user names) or @here its own run.</summary>
    public IReadOnlyList<TextRun> Runs(string body, IReadOnlyCollection<string> mentioned, bool mentionsHere)
    {
        var candidates = byLongestName.Where(m => mentioned.Contains(m.UserName, StringComparer.OrdinalIgnoreCase)).ToList();
        var runs = new List<TextRun>();
        var at = 0;
        foreach (var (start, length, member) in Matches(body, candidates, mentionsHere))
        {
            if (start > at)
            {
                runs.Add(new TextRun(body[at..start], null));
            }
            runs.Add(new TextRun(body.Substring(start, length), member?.UserName ?? MentionRules.Here));
            at = start + length;
        }
        if (at < body.Length || runs.Count == 0)
        {
            runs.Add(new TextRun(body[at..], null));
        }
        return runs;
    }

    private static IEnumerable<(int Start, int Length, ThreadMemberView? Member)> Matches(string body, List<ThreadMemberView> members, bool here)
    {
        for (var i = body.IndexOf('@'); i >= 0 && i < body.Length; i = body.IndexOf('@', i + 1))
        {
            if (i > 0 && char.IsLetterOrDigit(body[i - 1]))
            {
                continue; // an email address, not a mention
            }
            var at = i + 1;
            var member = members.Find(m => m.DisplayName.Length > 0 && IsWordAt(body, at, m.DisplayName));
            if (member is not null)
            {
                yield return (i, member.DisplayName.Length + 1, member);
                i += member.DisplayName.Length;
            }
            else if (here && IsWordAt(body, at, MentionRules.Here[1..]))
            {
                yield return (i, MentionRules.Here.Length, null);
                i += MentionRules.Here.Length - 1;
            }
        }
    }

    // The name at that place in the text, as a whole word: "@Ann" is not a mention of "Anna".
    private static bool IsWordAt(string text, int at, string name) =>
        at + name.Length <= text.Length
        && string.Compare(text, at, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (at + name.Length == text.Length || !char.IsLetterOrDigit(text[at + name.Length]));
}

/// <summary>A piece of a message body: plain text, or a mention of <see cref="Mentioned"/> (a user name, or "@here").</summary>
public sealed record TextRun(string Text, string? Mentioned)
{
    public bool IsMention => Mentioned is not null;
}
