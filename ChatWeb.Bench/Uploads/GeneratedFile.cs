namespace ChatWeb.Bench.Uploads;

/// <summary>
/// A file of pseudo-random bytes (incompressible, and no image: the upload path, not the thumbnailer)
/// made as it is read, so the client holds none of it and ten uploads cost the client nothing.
/// </summary>
internal sealed class GeneratedFile(long length, int seed) : Stream
{
    private readonly Random random = new(seed);
    private long position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - position);
        random.NextBytes(buffer.AsSpan(offset, n));
        position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
