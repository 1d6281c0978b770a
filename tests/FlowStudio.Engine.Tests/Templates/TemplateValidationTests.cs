using FlowStudio.Engine.Templates;

namespace FlowStudio.Engine.Tests.Templates;

public sealed class TemplateValidationTests
{
    private const string ThingId = """{ "name": "thingId", "label": "Thing ID", "required": true, "in": "path" }""";

    [Fact]
    public void Load_ValidTemplate_LoadsWithConnectorAndDirectionFromTheFile()
    {
        using var folder = new TemplateFolder().WithSource(Source());

        var catalog = TemplateCatalog.Load(folder.Directory);

        Assert.Empty(catalog.Problems);
        var template = Assert.Single(catalog.All);
        Assert.Equal(("acme", "source", "List Things"), (template.Connector, template.Direction, template.Name));
        Assert.Same(template, catalog.Find("acme.list"));
    }

    [Theory]
    [InlineData("FETCH", "/things/{thingId}", "unknown method 'FETCH'")]
    [InlineData("get", "/things/{thingId}", "unknown method 'get'")]
    [InlineData("GET", "things/{thingId}", "path 'things/{thingId}' must start with '/'")]
    public void Load_BadMethodOrPath_ReportsTheTemplate(string method, string path, string expected)
    {
        using var folder = new TemplateFolder().WithSource(Source(method: method, path: path));

        AssertSingleProblem(folder, "acme.source.json", expected);
    }

    [Fact]
    public void Load_PlaceholderWithoutParameter_ReportsThePlaceholder()
    {
        using var folder = new TemplateFolder().WithSource(Source(path: "/things/{thingId}/parts/{partId}"));

        AssertSingleProblem(folder, "acme.source.json", "path placeholder '{partId}' has no parameter");
    }

    [Fact]
    public void Load_PlaceholderDeclaredAsQueryParameter_ReportsItMustBeInPath()
    {
        var parameter = """{ "name": "thingId", "label": "Thing ID", "in": "query" }""";
        using var folder = new TemplateFolder().WithSource(Source(parameters: parameter));

        AssertSingleProblem(folder, "acme.source.json", "belongs to parameter 'thingId', which is 'in: query', not 'in: path'");
    }

    [Fact]
    public void Load_PathParameterMissingFromPath_ReportsTheParameter()
    {
        using var folder = new TemplateFolder().WithSource(Source(path: "/things"));

        AssertSingleProblem(folder, "acme.source.json", "parameter 'thingId' is 'in: path' but the path has no '{thingId}'");
    }

    [Theory]
    [InlineData("dataPath", "$.data[", "dataPath '$.data[' is not a valid JSONPath")]
    [InlineData("dataPath", "data[*]", "dataPath 'data[*]' is not a JSONPath (it must start with '$')")]
    [InlineData("metadataPath", "$.total)", "metadataPath '$.total)' is not a valid JSONPath")]
    [InlineData("dataPath", "$[?@.a=='b'", "dataPath '$[?@.a=='b'' is not a valid JSONPath (position 12: expected ']' to close the '[' at position 2)")]
    public void Load_InvalidJsonPath_ReportsTheField(string field, string path, string expected)
    {
        var template = Source().Replace("\"dataPath\": \"$.data[*]\"", $"\"{field}\": \"{path}\"");
        using var folder = new TemplateFolder().WithSource(template);

        AssertSingleProblem(folder, "acme.source.json", expected);
    }

    [Fact]
    public void Load_SelectWithoutOptions_IsReported()
    {
        var select = """{ "name": "mode", "label": "Mode", "type": "select", "in": "query" }""";
        using var folder = new TemplateFolder().WithSource(Source(parameters: ThingId + ", " + select));

        AssertSingleProblem(folder, "acme.source.json", "parameter 'mode' is a select without options");
    }

    [Fact]
    public void Load_SelectDefaultNotAmongOptions_IsReported()
    {
        var select = """
            { "name": "mode", "label": "Mode", "type": "select", "in": "query", "default": "Sideways",
              "options": [ { "label": "Upsert", "value": "incremental" }, { "label": "Replace", "value": "initial" } ] }
            """;
        using var folder = new TemplateFolder().WithSource(Source(parameters: ThingId + ", " + select));

        AssertSingleProblem(folder, "acme.source.json", "parameter 'mode' default 'Sideways' is not one of its options (Upsert, Replace)");
    }

    [Theory]
    [InlineData("boolean", "\"yes\"", "default 'yes' is not true or false")]
    [InlineData("integer", "\"ten\"", "default 'ten' is not a whole number")]
    [InlineData("json", "\"[1,\"", "default '[1,' is not valid JSON")]
    [InlineData("colour", "null", "unknown type 'colour'")]
    public void Load_ParameterOfWrongTypeOrDefault_IsReported(string type, string defaultJson, string expected)
    {
        var parameter = $$"""{ "name": "flag", "label": "Flag", "type": "{{type}}", "in": "query", "default": {{defaultJson}} }""";
        using var folder = new TemplateFolder().WithSource(Source(parameters: ThingId + ", " + parameter));

        AssertSingleProblem(folder, "acme.source.json", expected);
    }

    [Fact]
    public void Load_UnknownParameterLocation_IsReported()
    {
        var parameter = """{ "name": "flag", "label": "Flag", "in": "cookie" }""";
        using var folder = new TemplateFolder().WithSource(Source(parameters: ThingId + ", " + parameter));

        AssertSingleProblem(folder, "acme.source.json", "parameter 'flag' has unknown 'in' value 'cookie'");
    }

    [Fact]
    public void Load_SameIdInTwoFiles_KeepsTheFirstAndReportsTheSecond()
    {
        using var folder = new TemplateFolder().WithSource(Source(), "a.source.json").WithSource(Source(), "b.source.json");

        var catalog = TemplateCatalog.Load(folder.Directory);

        Assert.Single(catalog.All);
        var problem = Assert.Single(catalog.Problems);
        Assert.Equal("b.source.json", problem.File);
        Assert.Contains("template 'acme.list' has an id already used by another template", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PageSizePaginationWithoutSize_IsReported()
    {
        var template = Source().Replace("\"dataPath\"", "\"pagination\": { \"type\": \"pageSize\", \"pageParam\": \"page\", \"sizeParam\": \"size\" }, \"dataPath\"");
        using var folder = new TemplateFolder().WithSource(template);

        AssertSingleProblem(folder, "acme.source.json", "pagination of type 'pageSize' needs pagination.size of at least 1");
    }

    [Fact]
    public void Load_UnknownPaginationType_IsReported()
    {
        var template = Source().Replace("\"dataPath\"", "\"pagination\": { \"type\": \"scroll\" }, \"dataPath\"");
        using var folder = new TemplateFolder().WithSource(template);

        AssertSingleProblem(folder, "acme.source.json", "pagination.type 'scroll' is unknown");
    }

    [Fact]
    public void Load_BodyReferringToUndeclaredParameter_IsReported()
    {
        var template = Source(method: "POST").Replace("\"dataPath\"", "\"body\": { \"owner\": \"{ownerId}\" }, \"dataPath\"");
        using var folder = new TemplateFolder().WithSource(template);

        AssertSingleProblem(folder, "acme.source.json", "body refers to '{ownerId}', which is not a declared parameter");
    }

    [Fact]
    public void Load_DestinationWithoutDelivery_IsReported()
    {
        using var folder = new TemplateFolder().WithDestination(Source(method: "DELETE"));

        AssertSingleProblem(folder, "acme.destination.json", "is a destination template without 'delivery'");
    }

    [Fact]
    public void Load_BatchedDeliveryUsingSingleRecordToken_IsReported()
    {
        var template = Destination(delivery: """{ "batchSize": 50, "body": { "items": [ "$record" ] } }""");
        using var folder = new TemplateFolder().WithDestination(template);

        AssertSingleProblem(folder, "acme.destination.json", "delivery.body uses '$record' but the template sends batches");
    }

    [Fact]
    public void Load_FieldParameterInSource_IsReported()
    {
        var parameter = """{ "name": "thingId", "label": "Thing ID", "required": true, "in": "path", "type": "field" }""";
        using var folder = new TemplateFolder().WithSource(Source(parameters: parameter));

        AssertSingleProblem(folder, "acme.source.json", "parameter 'thingId' is of type 'field', which only destinations can use");
    }

    [Fact]
    public void Load_OneBadTemplate_StillLoadsTheOthersInTheFile()
    {
        var good = Source();
        var bad = Source(id: "acme.broken", path: "broken/{thingId}");
        using var folder = new TemplateFolder().WithSource(good + ", " + bad);

        var catalog = TemplateCatalog.Load(folder.Directory);

        Assert.Equal(["acme.list"], catalog.All.Select(t => t.Id));
        Assert.Contains("template 'acme.broken' path 'broken/{thingId}' must start with '/'", Assert.Single(catalog.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DestinationWithFields_LoadsThemRequiredFirst()
    {
        using var folder = new TemplateFolder().WithDestination(Destination());

        var template = Assert.Single(TemplateCatalog.Load(folder.Directory).All);

        Assert.Equal([("id", FieldTypes.String, true), ("createdAt", FieldTypes.EpochMillis, false)], template.Fields.Select(f => (f.Name, f.Type, f.Required)));
    }

    [Fact]
    public void Load_PostDestinationWithoutFields_IsReported()
    {
        using var folder = new TemplateFolder().WithDestination(Destination(fields: ""));

        AssertSingleProblem(folder, "acme.destination.json", "is a destination template without 'fields'");
    }

    [Theory]
    [InlineData("""{ "name": "id", "label": "ID", "type": "uuid" }""", "field 'id' has unknown type 'uuid'")]
    [InlineData("""{ "name": "id", "type": "string" }""", "field 'id' has no label")]
    [InlineData("""{ "name": "a", "label": "A" }, { "name": "b", "label": "B", "required": true }""", "field 'b' is required but listed after an optional field")]
    [InlineData("""{ "name": "a", "label": "A" }, { "name": "A", "label": "A again" }""", "declares field 'a' more than once")]
    public void Load_BadField_IsReported(string fields, string expected)
    {
        using var folder = new TemplateFolder().WithDestination(Destination(fields: fields));

        AssertSingleProblem(folder, "acme.destination.json", expected);
    }

    [Fact]
    public void Load_SourceWithFields_IsReported()
    {
        using var folder = new TemplateFolder().WithSource(Source().Replace("\"dataPath\"", "\"fields\": [ { \"name\": \"a\", \"label\": \"A\" } ], \"dataPath\"", StringComparison.Ordinal));

        AssertSingleProblem(folder, "acme.source.json", "has 'fields', which only destination templates use");
    }

    private static void AssertSingleProblem(TemplateFolder folder, string file, string expected)
    {
        var catalog = TemplateCatalog.Load(folder.Directory);

        Assert.Empty(catalog.All);
        Assert.True(catalog.Problems.Count == 1, string.Join(Environment.NewLine, catalog.Problems));
        var problem = catalog.Problems[0];
        Assert.Equal(file, problem.File);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    private static string Source(string id = "acme.list", string method = "GET", string path = "/things/{thingId}", string parameters = ThingId) =>
        $$"""
        { "id": "{{id}}", "name": "List Things", "method": "{{method}}", "path": "{{path}}",
          "parameters": [ {{parameters}} ], "dataPath": "$.data[*]" }
        """;

    private static string Destination(
        string delivery = """{ "batchSize": null }""",
        string fields = """{ "name": "id", "label": "ID", "required": true }, { "name": "createdAt", "label": "Created At", "type": "epochMillis" }""") =>
        $$"""
        { "id": "acme.create", "name": "Create Thing", "method": "POST", "path": "/things",
          "parameters": [], "delivery": {{delivery}}, "fields": [ {{fields}} ] }
        """;
}
