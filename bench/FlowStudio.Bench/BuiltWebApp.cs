using System.Diagnostics;

namespace FlowStudio.Bench;

/// <summary>
/// The web app as built beside the bench (same configuration), run as its own process by the modes that measure it
/// that way, with the owner account they set up unattended.
/// </summary>
internal static class BuiltWebApp
{
    public const string Email = "bench@flowstudio.test";
    public const string Password = "Bench-Password-1";
    public const string ApiKey = "fs_bench-owner-key-0123456789abcdefghijklmnopqrstuv";

    /// <summary>The repository's root (where FlowStudio.sln is).</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FlowStudio.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the bench from the repository (FlowStudio.sln not found above it).");
    }

    /// <summary>FlowStudio.Web.dll built in the bench's configuration; throws with the build command when it is missing.</summary>
    public static string Locate(string root)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var web = Path.Combine(root, "src", "FlowStudio.Web", "bin", configuration, "net10.0", "FlowStudio.Web.dll");
        return File.Exists(web)
            ? web
            : throw new InvalidOperationException($"Build the web app first: {web} is missing (dotnet build -c {configuration} src/FlowStudio.Web).");
    }

    /// <summary>Waits until <paramref name="server"/> answers <c>/api/health</c> through <paramref name="api"/> (at most 90 s).</summary>
    public static async Task WaitHealthyAsync(HttpClient api, Process server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !server.HasExited)
        {
            try
            {
                using var response = await api.GetAsync("/api/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException("A FlowStudio process did not become healthy within 90 s.");
    }
}
