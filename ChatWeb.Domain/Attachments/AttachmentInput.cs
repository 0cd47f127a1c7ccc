using ChatWeb.Domain.Chat;

namespace ChatWeb.Domain.Attachments;

/// <summary>The attachment ids of a draft: at most <see cref="AttachmentOptions.MaxPerMessage"/>, each a valid id, none twice.</summary>
public static class AttachmentInput
{
    public static IReadOnlyList<Guid> Ids(IReadOnlyList<string>? ids)
    {
        if (ids is null || ids.Count == 0)
        {
            return [];
        }
        if (ids.Count > AttachmentOptions.MaxPerMessage)
        {
            throw ChatException.Invalid($"A message can carry at most {AttachmentOptions.MaxPerMessage} files; this one has {ids.Count}.");
        }
        var parsed = new List<Guid>(ids.Count);
        foreach (var id in ids)
        {
            if (!Guid.TryParse(id, out var guid))
            {
                throw ChatException.Invalid($"'{id}' is not a valid attachment id.");
            }
            if (parsed.Contains(guid))
            {
                throw ChatException.Invalid("The same file is attached twice.");
            }
            parsed.Add(guid);
        }
        return parsed;
    }
}
