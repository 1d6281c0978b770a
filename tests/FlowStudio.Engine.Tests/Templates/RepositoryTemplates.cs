using System.Runtime.CompilerServices;
using FlowStudio.Engine.Templates;

namespace FlowStudio.Engine.Tests.Templates;

/// <summary>The repository's real <c>templates/</c> folder, found from this source file (test binaries live elsewhere).</summary>
internal static class RepositoryTemplates
{
    public static string Directory { get; } = Locate();

    public static TemplateCatalog Catalog { get; } = TemplateCatalog.Load(Directory);

    private static string Locate([CallerFilePath] string thisFile = "") =>
        TemplateDirectory.Locate(startDirectory: Path.GetDirectoryName(thisFile))
        ?? throw new DirectoryNotFoundException($"No templates/ folder above {thisFile}");
}
