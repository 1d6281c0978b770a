namespace FlowStudio.Engine.Templates;

/// <summary>Finds the <c>templates/</c> directory the catalog loads from.</summary>
public static class TemplateDirectory
{
    /// <summary>The directory's conventional name.</summary>
    public const string Name = "templates";

    /// <summary>
    /// <paramref name="configuredPath"/> (made absolute) when one is given; otherwise the first <c>templates/</c> holding
    /// <c>*.json</c> files found walking up from <paramref name="startDirectory"/> (default: <see cref="AppContext.BaseDirectory"/>,
    /// then the current directory). Null when none is found.
    /// </summary>
    public static string? Locate(string? configuredPath = null, string? startDirectory = null)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return Path.GetFullPath(configuredPath);
        }

        var starts = startDirectory is null
            ? new[] { AppContext.BaseDirectory, Environment.CurrentDirectory }
            : [startDirectory];
        foreach (var start in starts)
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, Name);
                // Needs JSON files: on case-insensitive file systems a code folder named "Templates" also matches.
                if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.json").Any())
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
