namespace ChatWeb.Domain.Search;

/// <summary>
/// What an engine is asked: the ids of up to <paramref name="Take"/> messages matching
/// <paramref name="Query"/>, newest first, in threads <paramref name="ReaderId"/> is a member of now
/// (only <paramref name="ThreadId"/> when given), not deleted, sent by <paramref name="SenderId"/> when
/// given, and stored before <paramref name="BeforeMessageId"/> when given (the previous page's last hit).
/// </summary>
internal sealed record SearchRequest(string ReaderId, SearchQuery Query, Guid? ThreadId, string? SenderId, Guid? BeforeMessageId, int Take);
