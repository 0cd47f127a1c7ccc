using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Attachments;

/// <summary>
/// Attachments in the database (<c>AttachmentBlobs</c>), for several nodes that share no folder:
/// each file in chunks of <see cref="AttachmentBlob.ChunkSize"/>, written one short transaction at a
/// time (an upload never holds the database's write lock for its whole length) and read one chunk
/// at a time. A file is used only once its row in <c>Attachments</c> exists, which is written after
/// the last chunk, so no reader sees half a file; a failed upload deletes what it wrote.
/// </summary>
public sealed class DatabaseAttachmentStore(IDbContextFactory<ChatDbContext> dbFactory) : IAttachmentStore
{
    public async Task SaveAsync(string key, Stream content, CancellationToken ct)
    {
        var buffer = new byte[AttachmentBlob.ChunkSize];
        try
        {
            for (var chunk = 0; ; chunk++)
            {
                var read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
                if (read == 0)
                {
                    return;
                }
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                db.AttachmentBlobs.Add(new AttachmentBlob { Key = key, Chunk = chunk, Data = buffer[..read] });
                await db.SaveChangesAsync(ct);
                if (read < buffer.Length)
                {
                    return;
                }
            }
        }
        catch
        {
            await DeleteAsync(key, CancellationToken.None);
            throw;
        }
    }

    public Stream? OpenRead(string key)
    {
        using var db = dbFactory.CreateDbContext();
        var lengths = db.AttachmentBlobs.AsNoTracking().Where(b => b.Key == key).OrderBy(b => b.Chunk).Select(b => (long)b.Data.Length).ToList();
        return lengths.Count == 0 ? null : new DatabaseBlobStream(dbFactory, key, lengths.Sum());
    }

    public async Task DeleteAsync(string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.AttachmentBlobs.Where(b => b.Key == key).ExecuteDeleteAsync(ct);
    }
}
