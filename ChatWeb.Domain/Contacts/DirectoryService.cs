using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Contacts;

/// <summary>Everyone with an account, searchable by the start of their name or email, case-insensitively.</summary>
public sealed class DirectoryService(IDbContextFactory<ChatDbContext> dbFactory)
{
    public const int PageSize = 50;
    public const int MinQueryLength = 2;

    /// <summary>50,000 people into one prefix is far past anyone paging by hand; a narrower prefix finds them.</summary>
    public const int MaxPage = 1_000;

    /// <summary>People other than the searcher whose name or email starts with the query, 50 a page.</summary>
    public async Task<DirectoryPage> SearchAsync(string userId, string? query, int page, CancellationToken ct = default)
    {
        if (page is < 0 or > MaxPage)
        {
            throw ChatException.Invalid($"The page number must be between 0 and {MaxPage:N0}; type more of the name to narrow the search.");
        }
        var prefix = query?.Trim().ToUpperInvariant() ?? "";
        if (prefix.Length < MinQueryLength)
        {
            // Too short to narrow 100,000 people down: an empty answer, never a full scan.
            return DirectoryPage.Empty(page);
        }

        var range = PrefixRange.For(prefix);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.Id != userId)
            .Where(u => (string.Compare(u.NormalizedDisplayName, range.From) >= 0 && string.Compare(u.NormalizedDisplayName, range.To) < 0)
                        || (string.Compare(u.NormalizedEmail, range.From) >= 0 && string.Compare(u.NormalizedEmail, range.To) < 0))
            .OrderBy(u => u.NormalizedDisplayName).ThenBy(u => u.Id)
            .Skip(page * PageSize)
            .Take(PageSize + 1)
            .Select(u => new DirectoryEntry(u.UserName!, u.DisplayName, db.Contacts.Any(c => c.OwnerId == userId && c.ContactId == u.Id)))
            .ToListAsync(ct);
        return new DirectoryPage(rows.Take(PageSize).ToList(), page, rows.Count > PageSize);
    }
}
