using Microsoft.Extensions.Options;

namespace ChatWeb.Domain.Attachments;

/// <summary>
/// Attachments as files in a folder (<see cref="AttachmentOptions.Path"/>), fanned out by the key's
/// first two characters so no one folder grows huge. A file is written under a temporary name and
/// renamed into place when complete, so a reader (on this node or another sharing the folder) never
/// sees half a file, and a failed upload leaves only its temporary file, which is deleted.
/// </summary>
public sealed class FolderAttachmentStore : IAttachmentStore
{
    private const int CopyBufferSize = 81920;
    private readonly string root;

    public FolderAttachmentStore(IOptions<AttachmentOptions> options, string contentRoot)
    {
        root = System.IO.Path.GetFullPath(options.Value.Path, contentRoot);
        Directory.CreateDirectory(root);
    }

    public string Root => root;

    public async Task SaveAsync(string key, Stream content, CancellationToken ct)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".part";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferSize, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, CopyBufferSize, ct);
            }
            File.Move(temporary, path, overwrite: false);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public Stream? OpenRead(string key)
    {
        try
        {
            return new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, CopyBufferSize, FileOptions.Asynchronous);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    // Keys are made by the service (a Guid in "N" form, or that plus a suffix); anything else is a bug.
    private string PathOf(string key)
    {
        if (key.Length < 2 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException($"'{key}' is not an attachment key.", nameof(key));
        }
        return System.IO.Path.Combine(root, key[..2], key);
    }
}
