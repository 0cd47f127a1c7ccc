using MudBlazor;

namespace ChatWeb.Components.Attachments;

internal static class FileIcons
{
    public static string For(string? contentType) => contentType switch
    {
        null => Icons.Material.Outlined.InsertDriveFile,
        "application/pdf" => Icons.Material.Outlined.PictureAsPdf,
        _ when contentType.StartsWith("image/", StringComparison.Ordinal) => Icons.Material.Outlined.Image,
        _ when contentType.StartsWith("video/", StringComparison.Ordinal) => Icons.Material.Outlined.Movie,
        _ when contentType.StartsWith("text/", StringComparison.Ordinal) => Icons.Material.Outlined.Description,
        "application/zip" => Icons.Material.Outlined.FolderZip,
        _ => Icons.Material.Outlined.InsertDriveFile,
    };
}
