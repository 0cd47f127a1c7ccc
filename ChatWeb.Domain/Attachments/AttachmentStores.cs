namespace ChatWeb.Domain.Attachments;

/// <summary>The values of <c>Attachments:Store</c>.</summary>
public static class AttachmentStores
{
    public const string Folder = "Folder";
    public const string Database = "Database";
}
