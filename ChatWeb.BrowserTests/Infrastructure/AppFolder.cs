using System.Reflection;

namespace ChatWeb.BrowserTests.Infrastructure;

/// <summary>
/// Where things are, found from this assembly's location: the repository is the first folder above
/// it that holds ChatWeb/ChatWeb.csproj; the app's output is its bin folder for the same
/// configuration and framework as this assembly.
/// </summary>
internal static class AppFolder
{
    private const string AppProject = "ChatWeb";

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, AppProject, $"{AppProject}.csproj")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No {AppProject}/{AppProject}.csproj above {AppContext.BaseDirectory}.");
    }

    public static string Locate()
    {
        var configuration = typeof(AppFolder).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "Configuration").Value!;
        var framework = new DirectoryInfo(AppContext.BaseDirectory).Name; // bin/<configuration>/<framework>/
        var folder = Path.Combine(RepositoryRoot(), AppProject, "bin", configuration, framework);
        return File.Exists(Path.Combine(folder, $"{AppProject}.dll"))
            ? folder
            : throw new InvalidOperationException($"{AppProject}.dll is not in {folder}: build the solution first.");
    }
}
