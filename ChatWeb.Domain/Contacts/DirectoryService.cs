using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Contacts;

/// <summary>Everyone with an account, searchable by the start of their name or email, case-insensitively.</summary>
public sealed class DirectoryService(IDbContextFactory<ChatDbContext> dbFactory)
{
    public const int PageSize = 50;
    public const int MinQueryLength = 2;

    public async Task<DirectoryPage> SearchAsync(string userId, string? query, int page, CancellationToken ct = default)
    {
        if (page < 0)
        {
            throw ChatException.Invalid("The page number cannot be negative.");
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
