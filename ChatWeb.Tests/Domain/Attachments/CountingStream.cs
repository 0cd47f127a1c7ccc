namespace ChatWeb.Tests.Domain.Attachments;

/// <summary>An upload that says how much of it was read: given bytes, or zeros of a given (possibly enormous) length, made as they are read.</summary>
internal sealed class CountingStream : Stream
{
    private readonly byte[]? content;
    private readonly long length;

    public CountingStream(byte[] content) => (this.content, length) = (content, content.Length);

    public CountingStream(long length) => this.length = length;

    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - BytesRead);
        if (content is not null)
        {
            Array.Copy(content, BytesRead, buffer, offset, n);
        }
        else
        {
            Array.Clear(buffer, offset, n);
        }
        BytesRead += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
