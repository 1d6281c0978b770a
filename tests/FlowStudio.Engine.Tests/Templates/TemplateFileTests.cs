using FlowStudio.Engine.Templates;

namespace FlowStudio.Engine.Tests.Templates;

public sealed class TemplateFileTests
{
    private const string Good = """
        { "connector": "acme", "direction": "source",
          "templates": [ { "id": "acme.list", "name": "List Things", "method": "GET", "path": "/things" } ] }
        """;

    [Fact]
    public void Load_FileThatIsNotJson_IsReportedByNameAndTheOthersStillLoad()
    {
        using var folder = new TemplateFolder().With("acme.source.json", Good).With("broken.source.json", "{ \"connector\": ");

        var catalog = TemplateCatalog.Load(folder.Directory);

        Assert.Equal(["acme.list"], catalog.All.Select(t => t.Id));
        var problem = Assert.Single(catalog.Problems);
        Assert.Equal("broken.source.json", problem.File);
        Assert.StartsWith("is not a valid template file", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith("broken.source.json: ", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MisspelledProperty_IsReportedWithItsLocation()
    {
        var misspelled = Good.Replace("\"path\"", "\"pth\"").Replace("\"/things\"", "\"/things\", \"path\": \"/x\"");
        using var folder = new TemplateFolder().With("acme.source.json", misspelled);

        var problem = Assert.Single(TemplateCatalog.Load(folder.Directory).Problems);

        Assert.Contains("pth", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownDirection_IsReported()
    {
        using var folder = new TemplateFolder().With("acme.sideways.json", Good.Replace("\"source\"", "\"sideways\""));

        var catalog = TemplateCatalog.Load(folder.Directory);

        Assert.Empty(catalog.All);
        Assert.Equal("has direction 'sideways' (expected 'source' or 'destination')", Assert.Single(catalog.Problems).Message);
    }

    [Fact]
    public void Load_MissingDirectory_IsReportedNotThrown()
    {
        var catalog = TemplateCatalog.Load(Path.Combine(Path.GetTempPath(), "no-such-templates-" + Guid.NewGuid().ToString("N")));

        Assert.Empty(catalog.All);
        Assert.Equal("template directory not found", Assert.Single(catalog.Problems).Message);
    }

    [Fact]
    public void For_ConnectorAndDirection_ReturnsOnlyThoseInFileOrder()
    {
        var second = Good.Replace("acme.list", "acme.second").Replace("\"List Things\"", "\"Second\"");
        var both = second.Replace("\"templates\": [ ", "\"templates\": [ { \"id\": \"acme.first\", \"name\": \"First\", \"method\": \"GET\", \"path\": \"/a\" }, ");
        using var folder = new TemplateFolder().With("acme.source.json", both)
            .With("other.source.json", Good.Replace("acme", "other"));

        var catalog = TemplateCatalog.Load(folder.Directory);

        Assert.Equal(["acme.first", "acme.second"], catalog.For("acme", "source").Select(t => t.Id));
        Assert.Empty(catalog.For("acme", "destination"));
        Assert.Null(catalog.Find("acme.missing"));
    }

    [Fact]
    public void Locate_ConfiguredPath_WinsOverWalkingUp()
    {
        var configured = Path.Combine(Path.GetTempPath(), "configured-templates");

        Assert.Equal(configured, TemplateDirectory.Locate(configured));
    }

    [Fact]
    public void Locate_FromANestedFolder_FindsTheNearestTemplatesFolderHoldingJson()
    {
        using var folder = new TemplateFolder();
        var templates = Directory.CreateDirectory(Path.Combine(folder.Directory, "templates")).FullName;
        File.WriteAllText(Path.Combine(templates, "acme.source.json"), Good);
        var nested = Directory.CreateDirectory(Path.Combine(folder.Directory, "bin", "Debug", "net10.0")).FullName;
        Directory.CreateDirectory(Path.Combine(folder.Directory, "bin", "templates"));

        Assert.Equal(templates, TemplateDirectory.Locate(startDirectory: nested));
    }

    [Fact]
    public void Load_NullTemplateEntry_IsReportedAndTheOthersLoad()
    {
        using var folder = new TemplateFolder().With("acme.source.json", Good.Replace("\"templates\": [ ", "\"templates\": [ null, "));

        var catalog = TemplateCatalog.Load(folder.Directory);

        Assert.Equal(["acme.list"], catalog.All.Select(t => t.Id));
        Assert.Equal("has an empty (null) entry in 'templates'", Assert.Single(catalog.Problems).Message);
    }
}
