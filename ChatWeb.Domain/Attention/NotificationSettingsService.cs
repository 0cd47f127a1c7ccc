using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Attention;

/// <summary>A person's notification settings, stored with their account so they follow them to every browser.</summary>
public sealed class NotificationSettingsService(IDbContextFactory<ChatDbContext> dbFactory)
{
    public async Task<NotificationSettings> GetAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new NotificationSettings(u.DesktopNotifications, u.NotificationSound, u.NotificationPreview))
            .SingleOrDefaultAsync(ct)
            ?? throw ChatException.Invalid("No such account.");
    }

    public async Task SetAsync(string userId, NotificationSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changed = await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.DesktopNotifications, settings.Desktop)
            .SetProperty(u => u.NotificationSound, settings.Sound)
            .SetProperty(u => u.NotificationPreview, settings.Preview), ct);
        if (changed == 0)
        {
            throw ChatException.Invalid("No such account.");
        }
    }
}
