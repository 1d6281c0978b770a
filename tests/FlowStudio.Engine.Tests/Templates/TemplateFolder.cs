namespace FlowStudio.Engine.Tests.Templates;

/// <summary>A temporary folder of template files, deleted on dispose.</summary>
internal sealed class TemplateFolder : IDisposable
{
    public TemplateFolder() => System.IO.Directory.CreateDirectory(Directory);

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "flowstudio-templates-" + Guid.NewGuid().ToString("N"));

    public TemplateFolder With(string fileName, string json)
    {
        File.WriteAllText(Path.Combine(Directory, fileName), json);
        return this;
    }

    /// <summary>A source file holding one template whose JSON is <paramref name="templateJson"/>.</summary>
    public TemplateFolder WithSource(string templateJson, string fileName = "acme.source.json") =>
        With(fileName, $$"""{ "connector": "acme", "direction": "source", "templates": [ {{templateJson}} ] }""");

    /// <summary>A destination file holding one template whose JSON is <paramref name="templateJson"/>.</summary>
    public TemplateFolder WithDestination(string templateJson, string fileName = "acme.destination.json") =>
        With(fileName, $$"""{ "connector": "acme", "direction": "destination", "templates": [ {{templateJson}} ] }""");

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
