using ChatWeb.Domain.Attachments;
using ChatWeb.Domain.Chat;
using Microsoft.AspNetCore.Components.Forms;

namespace ChatWeb.Components.Attachments;

/// <summary>
/// The files waiting in one composer: each uploaded through the circuit to the domain at once (the
/// same rules as the HTTP upload), with its progress, cancellable by removing it. The message takes
/// the ready ones when it is sent; an upload that is removed or never sent is swept by the server
/// after a day.
/// </summary>
public sealed class PendingUploads(AttachmentService attachments, Guid threadId, Func<Task<string>> userId, Func<Task> changed, ILogger logger)
{
    private readonly List<PendingUpload> items = [];

    public IReadOnlyList<PendingUpload> Items => items;

    public bool IsUploading => items.Exists(i => i.State == PendingUploadState.Uploading);

    public bool HasReady => items.Exists(i => i.State == PendingUploadState.Ready);

    /// <summary>Starts uploading each file; returns when all have finished (or failed, or were removed).</summary>
    public Task AddAsync(IReadOnlyList<IBrowserFile> files) =>
        Task.WhenAll(files.Select(f => UploadAsync(new PendingUpload(f.Name, f.Size), ct => f.OpenReadStream(attachments.MaxBytes, ct))));

    /// <summary>Takes the file out; an upload still running is cancelled.</summary>
    public async Task RemoveAsync(PendingUpload item)
    {
        await item.Cancellation.CancelAsync();
        items.Remove(item);
        await changed();
    }

    /// <summary>The files ready to go with the message, in the order they were added; the composer is emptied.</summary>
    public IReadOnlyList<AttachmentView> TakeReady()
    {
        var ready = items.Where(i => i.State == PendingUploadState.Ready).Select(i => i.Attachment!).ToList();
        items.RemoveAll(i => i.State != PendingUploadState.Uploading);
        return ready;
    }

    internal async Task UploadAsync(PendingUpload item, Func<CancellationToken, Stream> open)
    {
        items.Add(item);
        if (items.Count > AttachmentOptions.MaxPerMessage)
        {
            await FailAsync(item, $"A message can carry at most {AttachmentOptions.MaxPerMessage} files.");
            return;
        }
        if (item.Size > attachments.MaxBytes)
        {
            await FailAsync(item, $"Too large: a file can be at most {AttachmentLimits.Describe(attachments.MaxBytes)}.");
            return;
        }
        if (item.Size == 0)
        {
            await FailAsync(item, "The file is empty.");
            return;
        }
        await changed();
        var lastShown = 0;
        try
        {
            await using var content = open(item.Cancellation.Token);
            item.Attachment = await attachments.UploadAsync(await userId(), threadId, item.FileName, content, received =>
            {
                item.Received = received;
                // A repaint every tenth of the way is smooth enough and keeps the circuit quiet.
                if (item.Percent >= lastShown + 10)
                {
                    lastShown = item.Percent;
                    _ = changed();
                }
            }, item.Cancellation.Token);
            item.State = PendingUploadState.Ready;
        }
        catch (OperationCanceledException) when (item.Cancellation.IsCancellationRequested)
        {
            return;
        }
        catch (ChatException ex)
        {
            item.State = PendingUploadState.Failed;
            item.Error = ex.Message;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or Microsoft.JSInterop.JSException)
        {
            logger.LogInformation("Upload of a file to {ThreadId} did not finish: {Reason}", threadId, ex.Message);
            item.State = PendingUploadState.Failed;
            item.Error = "The upload did not finish. Remove the file and try again.";
        }
        await changed();
    }

    private async Task FailAsync(PendingUpload item, string error)
    {
        item.State = PendingUploadState.Failed;
        item.Error = error;
        await changed();
    }
}
