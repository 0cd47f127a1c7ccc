namespace ChatWeb.Domain.Contacts;

/// <summary>
/// "ANN" → ["ANN", "ANO"): a prefix search written as a range, so both providers seek the index
/// instead of scanning (SQLite's case-insensitive LIKE cannot use an ordinary index).
/// </summary>
internal readonly record struct PrefixRange(string From, string To)
{
    public static PrefixRange For(string normalizedPrefix)
    {
        var last = normalizedPrefix[^1];
        return new PrefixRange(normalizedPrefix, normalizedPrefix[..^1] + (char)(last + 1));
    }
}
