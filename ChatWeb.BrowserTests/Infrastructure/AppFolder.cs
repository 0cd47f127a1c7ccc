using System.Reflection;

namespace ChatWeb.BrowserTests.Infrastructure;

/// <summary>
/// The app's build output, found from this assembly's location: walk up to the folder that holds
/// ChatWeb/ChatWeb.csproj, then take the app's bin folder for the same configuration and framework.
/// </summary>
internal static class AppFolder
{
    private const string AppProject = "ChatWeb";

    public static string Locate()
    {
        var configuration = typeof(AppFolder).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "Configuration").Value!;
        var framework = new DirectoryInfo(AppContext.BaseDirectory).Name; // bin/<configuration>/<framework>/

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, AppProject, $"{AppProject}.csproj")))
            {
                var folder = Path.Combine(dir.FullName, AppProject, "bin", configuration, framework);
                return File.Exists(Path.Combine(folder, $"{AppProject}.dll"))
                    ? folder
                    : throw new InvalidOperationException($"{AppProject}.dll is not in {folder}: build the solution first.");
            }
        }
        throw new InvalidOperationException($"No {AppProject}/{AppProject}.csproj above {AppContext.BaseDirectory}.");
    }
}
