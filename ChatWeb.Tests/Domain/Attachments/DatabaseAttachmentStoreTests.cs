using ChatWeb.Domain.Attachments;
using ChatWeb.Domain.Entities;
using ChatWeb.Tests.Domain.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ChatWeb.Tests.Domain.Attachments;

/// <summary>The database store's chunks: a file larger than one chunk, read whole and from the middle, as a range request reads it.</summary>
public class DatabaseAttachmentStoreTests : DomainTest
{
    [DatabaseFact]
    public async Task OpenRead_AFileOfSeveralChunks_ReadsBackWhole_AndSeeksAcrossChunks()
    {
        var store = new DatabaseAttachmentStore(Db.Factory);
        var bytes = Enumerable.Range(0, AttachmentBlob.ChunkSize * 2 + 1234).Select(i => (byte)(i * 7 % 253)).ToArray();

        await store.SaveAsync("0123abcd", new MemoryStream(bytes), Ct);

        await using var whole = store.OpenRead("0123abcd")!;
        Assert.Equal(bytes.LongLength, whole.Length);
        Assert.Equal(bytes, AttachmentUploadTests.ReadAll(whole));
        whole.Position = AttachmentBlob.ChunkSize - 10;
        var across = new byte[20];
        await whole.ReadExactlyAsync(across, Ct);
        Assert.Equal(bytes[(AttachmentBlob.ChunkSize - 10)..(AttachmentBlob.ChunkSize + 10)], across);
        await using var db = await Db.OpenAsync(Ct);
        Assert.Equal(3, await db.AttachmentBlobs.CountAsync(Ct));
        Assert.Null(store.OpenRead("ffff0000"));
    }

    [DatabaseFact]
    public async Task SaveAsync_AContentStreamThatFailsHalfway_LeavesNoChunks()
    {
        var store = new DatabaseAttachmentStore(Db.Factory);
        var failing = new FailingAfter(new MemoryStream(new byte[AttachmentBlob.ChunkSize * 3]), AttachmentBlob.ChunkSize + 5);

        await Assert.ThrowsAsync<IOException>(() => store.SaveAsync("0123abcd", failing, Ct));

        await using var db = await Db.OpenAsync(Ct);
        Assert.Equal(0, await db.AttachmentBlobs.CountAsync(Ct));
    }

    private sealed class FailingAfter(Stream inner, long limit) : Stream
    {
        private long read;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (read >= limit)
            {
                throw new IOException("The client went away.");
            }
            var n = inner.Read(buffer, offset, (int)Math.Min(count, limit - read));
            read += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
