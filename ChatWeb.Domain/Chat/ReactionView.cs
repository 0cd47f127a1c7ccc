namespace ChatWeb.Domain.Chat;

/// <summary>One emoji on a message: how many gave it, and who (by user name, in the order they gave it).</summary>
public sealed record ReactionView(string Emoji, int Count, IReadOnlyList<string> UserNames)
{
    public bool Equals(ReactionView? other) =>
        other is not null && (Emoji, Count) == (other.Emoji, other.Count) && UserNames.SequenceEqual(other.UserNames);

    public override int GetHashCode() => HashCode.Combine(Emoji, Count);
}
