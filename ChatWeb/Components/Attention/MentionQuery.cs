using System.Text.RegularExpressions;
using ChatWeb.Domain.Chat;

namespace ChatWeb.Components.Attention;

/// <summary>
/// The composer's member picker, apart from rendering: whether the text being typed ends in a
/// mention ("@" at the start of a word, then what has been typed of a name), which members match
/// it, which one is highlighted, and the text once one is picked.
/// </summary>
public sealed partial class MentionQuery(MentionNames members, string myUserName, bool canMentionHere)
{
    /// <summary>The picker shows at most this many; typing more narrows it.</summary>
    public const int MaxShown = 8;

    private string? typed;

    public IReadOnlyList<MentionCandidate> Candidates { get; private set; } = [];

    public int Active { get; private set; }

    public bool IsOpen => Candidates.Count > 0;

    public MentionCandidate? ActiveCandidate => IsOpen ? Candidates[Active] : null;

    /// <summary>Follows the draft: opens, narrows or closes the picker. Names may hold spaces, so a query may too.</summary>
    public void Update(string draft)
    {
        var match = TrailingMention().Match(draft);
        typed = match.Success ? match.Groups[1].Value : null;
        var previous = ActiveCandidate;
        Candidates = typed is null ? [] : Filter(typed);
        var kept = previous is null ? -1 : Candidates.ToList().FindIndex(c => c.UserName == previous.UserName);
        Active = Math.Max(0, kept);
    }

    public void Close()
    {
        typed = null;
        Candidates = [];
    }

    public void Move(int by)
    {
        if (IsOpen)
        {
            Active = (Active + by + Candidates.Count) % Candidates.Count;
        }
    }

    /// <summary>The draft with the typed query replaced by the candidate's mention and a space.</summary>
    public string Pick(string draft, MentionCandidate candidate)
    {
        var match = TrailingMention().Match(draft);
        var start = match.Success ? match.Groups[1].Index - 1 : draft.Length;
        Close();
        return string.Concat(draft.AsSpan(0, start), candidate.Text, " ");
    }

    private List<MentionCandidate> Filter(string query)
    {
        var found = members.Members
            .Where(m => !string.Equals(m.UserName, myUserName, StringComparison.OrdinalIgnoreCase) && Matches(m, query))
            .OrderBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(m => new MentionCandidate(m.UserName, m.DisplayName))
            .ToList();
        if (canMentionHere && MentionRules.Here[1..].StartsWith(query, StringComparison.OrdinalIgnoreCase))
        {
            found.Add(new MentionCandidate(MentionRules.Here, "here"));
        }
        return found.Take(MaxShown).ToList();
    }

    // Any word of the display name, or the user name, starting with what was typed.
    private static bool Matches(ThreadMemberView member, string query) =>
        query.Length == 0
        || member.UserName.StartsWith(query, StringComparison.OrdinalIgnoreCase)
        || member.DisplayName.StartsWith(query, StringComparison.CurrentCultureIgnoreCase)
        || member.DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => w.StartsWith(query, StringComparison.CurrentCultureIgnoreCase));

    // "@" at the start of the text or after a space, then up to 40 characters of a name (no line break, no second "@").
    [GeneratedRegex(@"(?:^|\s)@([^\s@][^@\n]{0,39}|)$")]
    private static partial Regex TrailingMention();
}

/// <summary>One entry of the picker: a member, or @here (<see cref="UserName"/> is then "@here").</summary>
public sealed record MentionCandidate(string UserName, string DisplayName)
{
    public bool IsHere => UserName == MentionRules.Here;

    /// <summary>What picking it writes into the draft.</summary>
    public string Text => IsHere ? MentionRules.Here : "@" + DisplayName;
}
