namespace ChatWeb.Domain.Chat;

/// <summary>The form of a draft's <c>mentions</c>: user names, and <see cref="MentionRules.Here"/>.</summary>
public static class MentionInput
{
    /// <summary>More names than any message needs; @here reaches a whole group.</summary>
    public const int MaxNames = 50;

    // An email address is at most 254 characters; Identity's user name column is 256.
    private const int MaxNameLength = 256;

    /// <summary>The names once each, in the order given (any case); a blank, an over-long or a broken name is refused.</summary>
    internal static MentionRequest Parse(IReadOnlyList<string?>? mentions)
    {
        if (mentions is null || mentions.Count == 0)
        {
            return MentionRequest.None;
        }
        if (mentions.Count > MaxNames)
        {
            throw ChatException.Invalid($"A message can mention at most {MaxNames} people.");
        }
        var names = new List<string>(mentions.Count);
        var here = false;
        foreach (var raw in mentions)
        {
            var name = raw?.Trim() ?? "";
            if (name.Length == 0 || name.Length > MaxNameLength || !TextHygiene.IsPlainText(name))
            {
                throw ChatException.Invalid("A mention must be the user name of a member of the conversation, or \"@here\".");
            }
            if (string.Equals(name, MentionRules.Here, StringComparison.OrdinalIgnoreCase))
            {
                here = true;
            }
            else if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(name);
            }
        }
        return new MentionRequest(names, here);
    }
}
