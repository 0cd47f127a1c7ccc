using ChatWeb.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatWeb.Domain.Attachments;

/// <summary>
/// Removes uploads no message took within <see cref="AttachmentOptions.UnattachedLifetime"/>: their
/// rows first, then their bytes. A file claimed recently is left alone even if its message is not
/// stored yet, since that send may still be on its way. Runs hourly on every node; nodes sweeping at
/// once delete the same rows, which is harmless.
/// </summary>
public sealed class AttachmentSweeper(
    IDbContextFactory<ChatDbContext> dbFactory, AttachmentService attachments, IOptions<AttachmentOptions> options, TimeProvider clock, ILogger<AttachmentSweeper> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private const int BatchSize = 500;

    /// <summary>One sweep; returns how many uploads it removed.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var uploadedBefore = now - options.Value.UnattachedLifetime;
        var claimedBefore = now - AttachmentClaims.StaleClaimAfter;
        var removed = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var unattached = Unattached(db, uploadedBefore, claimedBefore);
            var ids = await unattached.OrderBy(a => a.UploadedAt).Select(a => a.Id).Take(BatchSize).ToListAsync(ct);
            if (ids.Count == 0)
            {
                return removed;
            }
            // Deleted by id and by the same condition: a file claimed since the read stays.
            await unattached.Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync(ct);
            var gone = await db.Attachments.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
            var deleted = ids.Except(gone).ToList();
            await attachments.RemoveBytesAsync(deleted);
            removed += deleted.Count;
            if (ids.Count < BatchSize)
            {
                return removed;
            }
        }
    }

    /// <summary>Uploads older than the bound that no message took: never claimed, or claimed long ago by a message never stored.</summary>
    internal static IQueryable<Entities.Attachment> Unattached(ChatDbContext db, DateTime uploadedBefore, DateTime claimedBefore) =>
        db.Attachments.Where(a => a.UploadedAt < uploadedBefore
            && (a.ClientMessageId == null
                || (a.AttachedAt < claimedBefore && !db.Messages.Any(m => m.SenderId == a.UploaderId && m.ClientMessageId == a.ClientMessageId))));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var removed = await SweepAsync(stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Removed {Count} uploads that no message took.", removed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Sweeping unattached uploads failed; the next sweep tries again.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
