namespace ChatWeb.Domain.Attachments;

/// <summary>
/// Where attachments' bytes live, by key (an attachment's id, or its thumbnail's). The rows that
/// say whose they are live in the database; this port only keeps bytes. Implementations stream:
/// nothing is held whole in memory.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>
    /// Copies <paramref name="content"/> to the store under <paramref name="key"/>, replacing nothing:
    /// the key is new. If the copy fails (the content stream throws, say, at the size limit),
    /// nothing is left under the key.
    /// </summary>
    Task SaveAsync(string key, Stream content, CancellationToken ct);

    /// <summary>A seekable stream of the bytes, or null when the key holds nothing.</summary>
    Stream? OpenRead(string key);

    /// <summary>Removes the bytes; a key that holds nothing is fine.</summary>
    Task DeleteAsync(string key, CancellationToken ct);
}
