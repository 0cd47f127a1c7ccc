using System.Diagnostics;

namespace ChatWeb.Bench.Hosting;

/// <summary>Where the server build and the repository are, found from the bench's own build output.</summary>
internal static class RepoPaths
{
    public static string BenchDll => typeof(RepoPaths).Assembly.Location;

    /// <summary>The configuration folder the bench was built in (Release or Debug); the server is taken from the same.</summary>
    public static string Configuration => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent?.Name ?? "Release";

    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ChatWeb.sln")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException("ChatWeb.sln not found above the bench's build output; pass --server-dll.");
        }
    }

    public static string ServerDll(string? overridePath)
    {
        var path = overridePath ?? Path.Combine(Root, "ChatWeb", "bin", Configuration, "net10.0", "ChatWeb.dll");
        return File.Exists(path)
            ? Path.GetFullPath(path)
            : throw new FileNotFoundException($"The server build was not found at {path}. Build the solution first (dotnet build -c {Configuration}).");
    }

    public static string Commit()
    {
        try
        {
            var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD")
            {
                WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true,
            })!;
            var hash = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit(5_000);
            return git.ExitCode == 0 && hash.Length > 0 ? hash : "unknown";
        }
        catch (Exception)
        {
            return "unknown";
        }
    }
}
