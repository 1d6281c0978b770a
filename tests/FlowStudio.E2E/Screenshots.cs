using System.Reflection;
using Microsoft.Playwright;

namespace FlowStudio.E2E;

/// <summary>Saves full-page screenshots to docs/images/ in the repository, so the README shows the real UI.</summary>
internal static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        var directory = Path.Combine(RepositoryRoot(), "docs", "images");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }

    // Build outputs may live outside the repository (ArtifactsPath), so the project's own folder is the fallback.
    private static string RepositoryRoot() =>
        FindSolutionAbove(AppContext.BaseDirectory)
        ?? FindSolutionAbove(typeof(Screenshots).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value)
        ?? throw new InvalidOperationException("FlowStudio.sln not found above the test binaries or the test project.");

    private static string? FindSolutionAbove(string? start)
    {
        var directory = start is null ? null : new DirectoryInfo(start);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FlowStudio.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName;
    }
}
