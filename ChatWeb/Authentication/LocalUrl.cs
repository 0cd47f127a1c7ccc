namespace ChatWeb.Authentication;

internal static class LocalUrl
{
    /// <summary>The return URL when it stays on this site ("/chat/…"), the home page otherwise: no open redirects.</summary>
    public static string OrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
