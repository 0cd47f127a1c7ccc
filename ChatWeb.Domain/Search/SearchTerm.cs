namespace ChatWeb.Domain.Search;

/// <summary>
/// One thing every hit must contain: a word, the start of a word (<see cref="IsPrefix"/>: the last
/// word of a query, still being typed), or a phrase (its words in a row). Words are folded
/// (<see cref="SearchText.Fold"/>) and made only of letters, digits and marks.
/// </summary>
internal sealed record SearchTerm(IReadOnlyList<string> Words, bool IsPrefix)
{
    public bool IsPhrase => Words.Count > 1;

    public bool Equals(SearchTerm? other) => other is not null && IsPrefix == other.IsPrefix && Words.SequenceEqual(other.Words);

    public override int GetHashCode() => HashCode.Combine(IsPrefix, string.Join(' ', Words));
}
