using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Search;

/// <summary>
/// Search in history, and opening a conversation at a hit. Only the threads the searcher is a
/// member of when they search (someone who left a group no longer finds its messages); a deleted
/// message never matches, an edited one by its new text only. The database's own full-text engine
/// finds (<see cref="IMessageSearch"/>); this service reads the query, checks the thread, and
/// shapes each hit with its snippet.
/// </summary>
public sealed class MessageSearchService
{
    public const int PageSize = 20;

    /// <summary>The longest query taken; a longer one is refused.</summary>
    public const int MaxQueryLength = SearchQuery.MaxLength;

    private readonly IMessageSearch engine;
    private readonly IMessageStore store;
    private readonly IDbContextFactory<ChatDbContext> dbFactory;

    internal MessageSearchService(IMessageSearch engine, IMessageStore store, IDbContextFactory<ChatDbContext> dbFactory)
    {
        (this.engine, this.store, this.dbFactory) = (engine, store, dbFactory);
    }

    /// <summary>
    /// The newest <see cref="PageSize"/> messages matching <paramref name="query"/> (see
    /// <see cref="SearchQuery"/>), in <paramref name="threadId"/> only when given; <paramref name="before"/>
    /// is the previous page's <see cref="SearchPage.Next"/>. A blank or one-character query finds
    /// nothing and reads nothing.
    /// </summary>
    public async Task<SearchPage> SearchAsync(string userId, string? query, Guid? threadId, string? before, CancellationToken ct = default)
    {
        var parsed = SearchQuery.Parse(query);
        var beforeId = Cursor(before);
        if (threadId is { } thread)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (!await db.ThreadMembers.AnyAsync(m => m.OwnerId == userId && m.ThreadId == thread, ct))
            {
                throw ChatException.ThreadNotFound();
            }
        }
        if (parsed is null)
        {
            return SearchPage.Empty;
        }
        string? senderId = null;
        if (parsed.From is { } from)
        {
            senderId = await SenderAsync(userId, from, ct);
            if (senderId is null)
            {
                return SearchPage.Empty;
            }
        }

        var found = await engine.FindAsync(new SearchRequest(userId, parsed, threadId, senderId, beforeId, PageSize + 1), ct);
        var page = found.Take(PageSize).ToList();
        var hits = await HitsAsync(userId, parsed, page, ct);
        var hasMore = found.Count > PageSize;
        return new SearchPage(hits, hasMore, hasMore ? page[^1].ToString() : null);
    }

    /// <summary>
    /// Up to <paramref name="limit"/> messages (50 by default, at most 100) around <paramref name="seq"/>,
    /// ascending: about half before it, the message itself, and the rest after, so a client can open a
    /// conversation at a search hit or at the message a reply answers.
    /// </summary>
    public async Task<IReadOnlyList<ChatMessage>> GetAroundAsync(string userId, Guid threadId, long seq, int? limit, CancellationToken ct = default)
    {
        if (seq < 1 || seq == long.MaxValue)
        {
            throw ChatException.Invalid("seq must be a message's seq (1 or more).");
        }
        var take = ChatInput.PageSize(limit);
        var older = await store.ReadBeforeAsync(userId, threadId, seq + 1, take / 2 + 1, ct) ?? throw ChatException.ThreadNotFound();
        var newer = take > older.Count
            ? await store.ReadAfterAsync(userId, threadId, seq, take - older.Count, ct) ?? throw ChatException.ThreadNotFound()
            : [];
        return [.. older, .. newer];
    }

    /// <summary><c>from:me</c> is the searcher; anyone else by user name (their email), any case. Null: no one by that name.</summary>
    private async Task<string?> SenderAsync(string userId, string from, CancellationToken ct)
    {
        if (from.Equals("me", StringComparison.OrdinalIgnoreCase))
        {
            return userId;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var normalized = from.ToUpperInvariant();
        return await db.Users.Where(u => u.NormalizedUserName == normalized).Select(u => u.Id).SingleOrDefaultAsync(ct);
    }

    /// <summary>The cursor is the previous page's last hit, by id: where the next page starts, whatever was sent meanwhile.</summary>
    private static Guid? Cursor(string? before) =>
        string.IsNullOrEmpty(before) ? null
        : Guid.TryParse(before, out var id) ? id
        : throw ChatException.Invalid($"'{before}' is not a search cursor; pass back the 'next' of the previous page.");

    /// <summary>
    /// The hits as they are now, in the engine's order: a message deleted, or a thread left, since
    /// the engine read is dropped, as is one whose current text no longer matches where the engine lags.
    /// </summary>
    private async Task<List<SearchHit>> HitsAsync(string userId, SearchQuery query, List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await MessageRow.Project(db, db.Messages.AsNoTracking().Where(m => ids.Contains(m.Id))).ToListAsync(ct);
        var messages = rows.ToDictionary(r => r.Id, r => r.ToMessage());
        var threadIds = rows.Select(r => r.ThreadId).Distinct().ToList();
        var titles = await db.ThreadMembers.AsNoTracking()
            .Where(m => m.OwnerId == userId && threadIds.Contains(m.ThreadId))
            .Select(m => new
            {
                m.ThreadId,
                m.Nickname,
                m.Thread!.Kind,
                m.Thread.Title,
                Other = db.ThreadMembers.Where(o => o.ThreadId == m.ThreadId && o.OwnerId != userId).Select(o => o.Owner!.DisplayName).FirstOrDefault(),
                Own = m.Owner!.DisplayName,
            })
            .ToDictionaryAsync(t => t.ThreadId, t => !string.IsNullOrWhiteSpace(t.Nickname) ? t.Nickname
                : t.Kind == ThreadKind.Group ? t.Title ?? "" : t.Other ?? t.Own, ct);

        var hits = new List<SearchHit>(ids.Count);
        foreach (var id in ids)
        {
            if (!messages.TryGetValue(id, out var message) || message.DeletedAt is not null || !titles.TryGetValue(message.ThreadId, out var title))
            {
                continue;
            }
            var shown = SearchSnippet.Of(message.Body, query);
            if (shown is null && engine.MayLag)
            {
                continue;
            }
            var (snippet, ranges) = shown ?? (ChatInput.Preview(message.Body), (IReadOnlyList<int[]>)[]);
            hits.Add(new SearchHit(message, title, snippet, ranges));
        }
        return hits;
    }
}
