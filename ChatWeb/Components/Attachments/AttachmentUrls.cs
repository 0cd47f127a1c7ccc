namespace ChatWeb.Components.Attachments;

/// <summary>Where the browser fetches a file: the HTTP endpoints, with the page's own sign-in cookie.</summary>
internal static class AttachmentUrls
{
    public static string File(Guid id) => $"/api/attachments/{id}";

    public static string Thumbnail(Guid id) => $"/api/attachments/{id}/thumbnail";
}
