using System.Diagnostics;
using ChatWeb.Bench.Hosting;

namespace ChatWeb.Bench.Browser;

/// <summary>
/// The server as the Dockerfile ships it: a Release publish. A browser needs the app's static
/// assets (the Blazor script, the styles), which only a publish serves outside the Development
/// environment; the hub-only runs can use the build output.
/// </summary>
internal static class ServerPublish
{
    public static async Task<string> PublishAsync(string folder)
    {
        Console.WriteLine($"[server] publishing ChatWeb (Release) to {folder}");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoPaths.Root, UseShellExecute = false };
        foreach (var argument in new[] { "publish", Path.Combine("ChatWeb", "ChatWeb.csproj"), "-c", "Release", "-o", folder, "--nologo", "-v", "quiet" })
        {
            info.ArgumentList.Add(argument);
        }
        using var publish = Process.Start(info) ?? throw new InvalidOperationException("dotnet publish did not start.");
        await publish.WaitForExitAsync();
        var dll = Path.Combine(folder, "ChatWeb.dll");
        return publish.ExitCode == 0 && File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"dotnet publish failed with exit code {publish.ExitCode}.");
    }
}
