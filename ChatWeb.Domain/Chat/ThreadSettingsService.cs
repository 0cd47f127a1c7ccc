using ChatWeb.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Chat;

/// <summary>A person's private attributes of a thread: read watermark, mute, nickname. Only their own devices hear of changes.</summary>
public sealed class ThreadSettingsService(IDbContextFactory<ChatDbContext> dbFactory, IChatNotifier notifier)
{
    /// <summary>Moves the read watermark forward to <paramref name="seq"/> (never back, never past the last message).</summary>
    public async Task<ThreadSummary> MarkReadAsync(string userId, Guid threadId, long seq, CancellationToken ct = default)
    {
        ChatInput.Seq(seq);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = await Membership.RequireAsync(db, userId, threadId, ct);
        var target = Math.Min(seq, me.Thread!.LastSeq);
        if (target > me.LastReadSeq)
        {
            // A conditional update, so a slower device's older watermark cannot overwrite a newer one.
            await db.ThreadMembers
                .Where(m => m.OwnerId == userId && m.ThreadId == threadId && m.LastReadSeq < target)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastReadSeq, target), ct);
        }
        return await AnnounceToSelfAsync(db, userId, threadId, ct);
    }

    public async Task<ThreadSummary> SetMutedAsync(string userId, Guid threadId, bool muted, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = await Membership.RequireAsync(db, userId, threadId, ct);
        me.IsMuted = muted;
        await db.SaveChangesAsync(ct);
        return await AnnounceToSelfAsync(db, userId, threadId, ct);
    }

    /// <summary>A private name for the thread that only this person sees; null or blank clears it.</summary>
    public async Task<ThreadSummary> SetNicknameAsync(string userId, Guid threadId, string? nickname, CancellationToken ct = default)
    {
        var valid = ChatInput.Nickname(nickname);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = await Membership.RequireAsync(db, userId, threadId, ct);
        me.Nickname = valid;
        await db.SaveChangesAsync(ct);
        return await AnnounceToSelfAsync(db, userId, threadId, ct);
    }

    private async Task<ThreadSummary> AnnounceToSelfAsync(ChatDbContext db, string userId, Guid threadId, CancellationToken ct)
    {
        var view = (await Membership.SnapshotAsync(db, threadId, ct)).ViewFor(userId);
        await notifier.ThreadUpdatedAsync(new Dictionary<string, ThreadSummary> { [userId] = view }, ct);
        return view;
    }
}
