using ChatWeb.Domain.Attachments;

namespace ChatWeb.Components.Attachments;

public enum PendingUploadState
{
    Uploading,
    Ready,
    Failed,
}

/// <summary>One file chosen, pasted or dropped in the composer: uploading, ready to send, or failed with a reason.</summary>
public sealed class PendingUpload(string fileName, long size)
{
    public Guid Key { get; } = Guid.NewGuid();
    public string FileName { get; } = fileName;
    public long Size { get; } = size;
    public long Received { get; internal set; }
    public PendingUploadState State { get; internal set; } = PendingUploadState.Uploading;
    public string? Error { get; internal set; }
    public AttachmentView? Attachment { get; internal set; }

    internal CancellationTokenSource Cancellation { get; } = new();

    public int Percent => Size <= 0 ? 0 : (int)Math.Min(100, Received * 100 / Size);
}
