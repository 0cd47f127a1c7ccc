using System.Diagnostics;
using System.Reflection;

namespace ChatWeb.Tests.Infrastructure;

/// <summary>
/// The app laid out as `dotnet publish` lays it out for the container (wwwroot and all), made once
/// per test run from the build these tests were built against (no second build), in a temp folder
/// removed when the run ends.
/// </summary>
public static class PublishedApp
{
    private static readonly Lazy<Task<string>> Folder = new(PublishAsync);

    /// <summary>The folder holding ChatWeb.dll.</summary>
    public static Task<string> FolderAsync() => Folder.Value;

    private static async Task<string> PublishAsync()
    {
        var repository = RepositoryRoot();
        var configuration = typeof(PublishedApp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "Configuration").Value!;
        var output = Path.Combine(Path.GetTempPath(), "chatweb-published", Guid.NewGuid().ToString("N"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(output);

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "publish", Path.Combine("ChatWeb", "ChatWeb.csproj"), "-c", configuration, "--no-build", "-o", output, "--nologo", "-v", "quiet" })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var publish = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start.");
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await publish.WaitForExitAsync(patience.Token);
        if (publish.ExitCode != 0 || !File.Exists(Path.Combine(output, "ChatWeb.dll")))
        {
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):{Environment.NewLine}{await stdout}{await stderr}");
        }
        return output;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatWeb", "ChatWeb.csproj")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No ChatWeb/ChatWeb.csproj above {AppContext.BaseDirectory}.");
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
