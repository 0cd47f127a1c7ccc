namespace ChatWeb.Domain.Search;

/// <summary>
/// The port to a database's own full-text search, one implementation per provider
/// (<c>Data/Sqlite</c>, <c>Data/SqlServer</c>). The rules (membership now, deleted messages never,
/// what the words mean) are the domain's; an engine finds and orders.
/// </summary>
internal interface IMessageSearch
{
    /// <summary>
    /// True when the engine's index may lag behind the messages (SQL Server's full-text index is
    /// filled in the background), or matches more loosely than words do (a plain substring search):
    /// then each hit is checked against its message's current text, so an edited message matches its
    /// new text only.
    /// </summary>
    bool MayLag { get; }

    /// <summary>The matching messages' ids, newest first.</summary>
    Task<IReadOnlyList<Guid>> FindAsync(SearchRequest request, CancellationToken ct);
}
