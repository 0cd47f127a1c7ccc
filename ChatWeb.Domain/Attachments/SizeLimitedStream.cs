using ChatWeb.Domain.Chat;

namespace ChatWeb.Domain.Attachments;

/// <summary>
/// Reads through to an upload, counting: past the limit it throws a refusal, so an oversized file
/// is stopped while it streams in, with at most one buffer of it read beyond the limit.
/// </summary>
internal sealed class SizeLimitedStream(Stream inner, long maxBytes, Action<long>? progress = null) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        BytesRead += read;
        if (BytesRead > maxBytes)
        {
            throw ChatException.TooLarge($"A file can be at most {AttachmentLimits.Describe(maxBytes)}.");
        }
        progress?.Invoke(BytesRead);
        return read;
    }
}
