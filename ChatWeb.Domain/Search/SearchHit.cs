using ChatWeb.Domain.Chat;

namespace ChatWeb.Domain.Search;

/// <summary>
/// A message that matched, as it is now, with its thread's name as the searcher sees it, and
/// <see cref="Snippet"/>: its text on one line around the first match. <see cref="Ranges"/> are
/// <c>[start, length]</c> pairs of the matches within the snippet (UTF-16 units), for highlighting as text.
/// </summary>
public sealed record SearchHit(ChatMessage Message, string ThreadTitle, string Snippet, IReadOnlyList<int[]> Ranges);
