using ChatWeb.Domain.Data;
using ChatWeb.Domain.Entities;
using Microsoft.EntityFrameworkCore;

namespace ChatWeb.Domain.Attachments;

/// <summary>
/// A file in the database store as a seekable stream (for range requests): it fetches the chunk
/// under the position when a read needs it and keeps only that one.
/// </summary>
internal sealed class DatabaseBlobStream(IDbContextFactory<ChatDbContext> dbFactory, string key, long length) : Stream
{
    private long position;
    private int heldChunk = -1;
    private byte[] held = [];

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => position;
        set => position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (position >= length || buffer.IsEmpty)
        {
            return 0;
        }
        var chunk = (int)(position / AttachmentBlob.ChunkSize);
        if (chunk != heldChunk)
        {
            using var db = dbFactory.CreateDbContext();
            Hold(chunk, db.AttachmentBlobs.AsNoTracking().Where(b => b.Key == key && b.Chunk == chunk).Select(b => b.Data).Single());
        }
        return CopyOut(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (position >= length || buffer.IsEmpty)
        {
            return 0;
        }
        var chunk = (int)(position / AttachmentBlob.ChunkSize);
        if (chunk != heldChunk)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            Hold(chunk, await db.AttachmentBlobs.AsNoTracking().Where(b => b.Key == key && b.Chunk == chunk).Select(b => b.Data).SingleAsync(cancellationToken));
        }
        return CopyOut(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Hold(int chunk, byte[] data) => (heldChunk, held) = (chunk, data);

    private int CopyOut(Span<byte> buffer)
    {
        var within = (int)(position - (long)heldChunk * AttachmentBlob.ChunkSize);
        var n = Math.Min(buffer.Length, held.Length - within);
        held.AsSpan(within, n).CopyTo(buffer);
        position += n;
        return n;
    }
}
