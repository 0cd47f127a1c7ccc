using ChatWeb.Domain.Chat;

namespace ChatWeb.Components.Conversation;

/// <summary>
/// The reactions the picker offers: the reader's recent ones first, then a short common set. Recent
/// ones are what the reader picked here, then what they reacted with on the held messages, newest
/// change first, so they survive a reload without being stored anywhere else.
/// </summary>
public static class RecentEmoji
{
    public const int MaxRecent = 6;

    /// <summary>The common set, in the form the picker sends (❤️ with its variation selector).</summary>
    public static readonly IReadOnlyList<string> Common = ["👍", "❤️", "😂", "🎉", "😮", "😢", "🙏", "👀", "✅", "🔥", "👏", "🤔"];

    public static IReadOnlyList<string> Of(IEnumerable<string> pickedHere, IEnumerable<ChatMessage> held, string myUserName) =>
        pickedHere
            .Concat(held
                .OrderByDescending(m => m.Version)
                .SelectMany(m => m.Reactions)
                .Where(r => r.UserNames.Contains(myUserName, StringComparer.OrdinalIgnoreCase))
                .Select(r => r.Emoji))
            .Distinct()
            .Take(MaxRecent)
            .ToList();
}
