using System.Globalization;

namespace ChatWeb.Domain.Attachments;

/// <summary>Sizes as people read them: "25 MB", "340 KB", "12 bytes".</summary>
public static class AttachmentLimits
{
    public static string Describe(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString(bytes % (1024 * 1024) == 0 ? "0" : "0.#", CultureInfo.InvariantCulture) + " MB",
        >= 1024 => (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KB",
        1 => "1 byte",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " bytes",
    };
}
