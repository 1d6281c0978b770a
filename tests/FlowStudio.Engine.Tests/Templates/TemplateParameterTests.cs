using FlowStudio.Engine.Templates;

namespace FlowStudio.Engine.Tests.Templates;

public sealed class TemplateParameterTests
{
    private static readonly TemplateParameter Mode = new()
    {
        Name = "mode",
        Label = "Mode",
        Type = ParameterTypes.Select,
        Default = "Upsert",
        Options = [new("Replace", "initial"), new("Merge", "incremental"), new("Upsert", "incremental")],
    };

    [Theory]
    [InlineData(null, "incremental")]
    [InlineData("", "incremental")]
    [InlineData("Replace", "initial")]
    [InlineData("replace", "initial")]
    [InlineData("initial", "initial")]
    [InlineData("Merge", "incremental")]
    public void ToWireValue_SelectLabelOrValue_SendsTheOptionValue(string? entered, string expected) =>
        Assert.Equal(expected, Mode.ToWireValue(entered));

    [Fact]
    public void ToWireValue_NoValueAndNoDefault_IsNull() =>
        Assert.Null(new TemplateParameter { Name = "note", Label = "Note" }.ToWireValue("  "));

    [Fact]
    public void Load_BooleanAndNumberDefaults_AreKeptAsInvariantText()
    {
        using var folder = new TemplateFolder().WithSource("""
            { "id": "acme.list", "name": "List", "method": "GET", "path": "/things", "parameters": [
              { "name": "last", "label": "Is Last Batch", "type": "boolean", "default": true },
              { "name": "limit", "label": "Limit", "type": "integer", "default": 100 },
              { "name": "types", "label": "Types", "type": "json", "default": ["forecast", "quota"] } ] }
            """);

        var template = Assert.Single(TemplateCatalog.Load(folder.Directory).All);

        Assert.Equal(["true", "100", "[\"forecast\",\"quota\"]"], template.Parameters.Select(p => p.Default));
    }

    [Fact]
    public void ResolveParameters_MixOfGivenAndDefaults_GivesWireValuesByName()
    {
        var template = new EndpointTemplate
        {
            Parameters = [Mode, new TemplateParameter { Name = "entityType", Label = "Entity Type", Required = true }],
        };

        var resolved = template.ResolveParameters(new Dictionary<string, string?> { ["entityType"] = "account" });

        Assert.Equal("incremental", resolved["mode"]);
        Assert.Equal("account", resolved["entityType"]);
        Assert.Empty(template.MissingRequired(new Dictionary<string, string?> { ["entityType"] = "account" }));
        Assert.Equal(["entityType"], template.MissingRequired(new Dictionary<string, string?>()).Select(p => p.Name));
    }
}
