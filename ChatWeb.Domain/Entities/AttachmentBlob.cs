namespace ChatWeb.Domain.Entities;

/// <summary>
/// One piece of a file's bytes, for the database store (Attachments:Store = Database): a file is
/// its key's chunks in order, each at most <see cref="ChunkSize"/>, so neither writing nor reading
/// ever holds more than one chunk of it.
/// </summary>
public sealed class AttachmentBlob
{
    public const int ChunkSize = 1024 * 1024;
    public const int KeyMaxLength = 64;

    public required string Key { get; set; }
    public int Chunk { get; set; }
    public required byte[] Data { get; set; }
}
