using ChatWeb.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Chat;

internal sealed record PersonRow(string Id, string UserName, string DisplayName);

/// <summary>Looks people up by the user name they are known by on the wire.</summary>
internal static class People
{
    // Identity's default normaliser upper-cases invariantly; NormalizedUserName is indexed and unique.
    public static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    public static async Task<PersonRow> FindAsync(ChatDbContext db, string? userName, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            throw ChatException.Invalid("Name a person by their user name (the email they registered with).");
        }
        var normalized = Normalize(userName);
        return await db.Users.AsNoTracking()
                   .Where(u => u.NormalizedUserName == normalized)
                   .Select(u => new PersonRow(u.Id, u.UserName!, u.DisplayName))
                   .SingleOrDefaultAsync(ct)
               ?? throw ChatException.PersonNotFound(userName.Trim());
    }

    /// <summary>All or nothing: one unknown name refuses the whole request.</summary>
    public static async Task<IReadOnlyList<PersonRow>> FindAllAsync(ChatDbContext db, IEnumerable<string>? userNames, CancellationToken ct)
    {
        var wanted = (userNames ?? []).Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => (Raw: n.Trim(), Normalized: Normalize(n)))
            .DistinctBy(n => n.Normalized)
            .ToList();
        var normalized = wanted.ConvertAll(n => n.Normalized);
        var found = await db.Users.AsNoTracking()
            .Where(u => normalized.Contains(u.NormalizedUserName!))
            .Select(u => new { u.NormalizedUserName, Row = new PersonRow(u.Id, u.UserName!, u.DisplayName) })
            .ToListAsync(ct);
        var missing = wanted.FirstOrDefault(w => found.All(f => f.NormalizedUserName != w.Normalized));
        if (missing != default)
        {
            throw ChatException.PersonNotFound(missing.Raw);
        }
        return found.ConvertAll(f => f.Row);
    }
}
