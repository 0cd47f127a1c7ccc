namespace ChatWeb.Tests.Infrastructure;

/// <summary>A folder of its own under the temp folder (a database, a HOME, a certificate), deleted on dispose.</summary>
public sealed class ScratchFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "chatweb-tests", Guid.NewGuid().ToString("N"));

    public ScratchFolder() => Directory.CreateDirectory(Path);

    /// <summary>A path inside, creating it as a folder when asked.</summary>
    public string Combine(string name, bool folder = false)
    {
        var path = System.IO.Path.Combine(Path, name);
        if (folder)
        {
            Directory.CreateDirectory(path);
        }
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a test.
        }
    }
}
