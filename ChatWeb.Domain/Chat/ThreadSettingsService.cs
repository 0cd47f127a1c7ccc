using ChatWeb.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Chat;

/// <summary>
/// A person's private attributes of a thread: read watermark, mute, nickname. Their own devices hear
/// of every change; the read watermark also reaches the other members, as read receipts, where
/// both sides share them.
/// </summary>
public sealed class ThreadSettingsService(IDbContextFactory<ChatDbContext> dbFactory, IChatNotifier notifier)
{
    /// <summary>
    /// Moves the read watermark forward to <paramref name="seq"/> (never back, never past the last
    /// message). When it rose, the other members who may see it get <see cref="ReadUpTo"/>.
    /// </summary>
    public async Task<ThreadSummary> MarkReadAsync(string userId, Guid threadId, long seq, CancellationToken ct = default)
    {
        ChatInput.Seq(seq);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = await Membership.RequireAsync(db, userId, threadId, ct);
        var target = Math.Min(seq, me.Thread!.LastSeq);
        // A conditional update, so a slower device's older watermark cannot overwrite a newer one.
        var rose = target > me.LastReadSeq && await db.ThreadMembers
            .Where(m => m.OwnerId == userId && m.ThreadId == threadId && m.LastReadSeq < target)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastReadSeq, target), ct) == 1;

        var thread = await Membership.SnapshotAsync(db, threadId, ct);
        var view = await AnnounceToSelfAsync(thread, userId, ct);
        if (rose && thread.ReadReceiptAudience(userId) is { Count: > 0 } audience)
        {
            // The watermark as it stands now: a concurrent mark from another device may have passed ours.
            await notifier.ReadUpToAsync(new ReadUpTo(threadId, thread.MemberOrNull(userId)!.UserName, view.LastReadSeq), audience, ct);
        }
        return view;
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

    private async Task<ThreadSummary> AnnounceToSelfAsync(ChatDbContext db, string userId, Guid threadId, CancellationToken ct) =>
        await AnnounceToSelfAsync(await Membership.SnapshotAsync(db, threadId, ct), userId, ct);

    private async Task<ThreadSummary> AnnounceToSelfAsync(ThreadSnapshot thread, string userId, CancellationToken ct)
    {
        var view = thread.ViewFor(userId);
        await notifier.ThreadUpdatedAsync(new Dictionary<string, ThreadSummary> { [userId] = view }, ct);
        return view;
    }
}
