using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Administration;

/// <summary>
/// Who is an administrator, read from the database every time: a role claim in a cookie can be
/// minutes old, and a revoked or deactivated administrator must lose the power at once.
/// </summary>
internal static class AdminGate
{
    public static IQueryable<string> ActiveAdminIds(ChatDbContext db) =>
        db.UserRoles.Where(r => r.RoleId == AdminRole.Id)
            .Join(db.Users.Where(u => u.DeactivatedAt == null), r => r.UserId, u => u.Id, (r, u) => u.Id);

    public static Task<bool> IsAdminAsync(ChatDbContext db, string userId, CancellationToken ct) =>
        ActiveAdminIds(db).AnyAsync(id => id == userId, ct);

    public static async Task RequireAdminAsync(ChatDbContext db, string userId, CancellationToken ct)
    {
        if (!await IsAdminAsync(db, userId, ct))
        {
            throw ChatException.Forbidden("Only administrators can do that.");
        }
    }
}
