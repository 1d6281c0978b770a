using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Scripting;
using FlowStudio.Engine.Tests.Support;
using FlowStudio.Engine.Tests.Templates;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Tests.Destinations;

public sealed class ContentFormatTests
{
    private static PayloadBuilder CreateSut() => new(new JintScriptEvaluator(), new ManualTimeProvider());

    private static DestinationConfig Config(string format, bool batching) => new()
    {
        Url = "https://api.example.test/v1/people",
        ContentFormat = format,
        Batching = batching
            ? new BatchingOptions { Enabled = true, BatchSize = 10, Algorithm = GroupingAlgorithms.Array }
            : BatchingOptions.Off,
    };

    private static List<DeliveryRecord> People() =>
    [
        TestRecords.Record(1, new { id = 1, name = "Ada, \"the\" first", active = true }),
        new DeliveryRecord(2, JObject.Parse("""{"id":2,"first name":"Bo","tags":["a","b"],"address":{"city":"Oslo"},"note":null}""")),
    ];

    [Fact]
    public void Build_XmlBatch_HasRootAndOneElementPerRecord()
    {
        var payload = CreateSut().Build(Config(ContentFormats.Xml, batching: true), People()).Single();

        Assert.Equal(
            "<records><record><id>1</id><name>Ada, \"the\" first</name><active>true</active></record>"
            + "<record><id>2</id><first_x0020_name>Bo</first_x0020_name><tags>a</tags><tags>b</tags><address><city>Oslo</city></address><note /></record></records>",
            payload.Body);
        Assert.Equal("application/xml", payload.Headers["Content-Type"]);
    }

    [Fact]
    public void Build_XmlSingleRecord_IsTheRecordElement()
    {
        var payload = CreateSut().Build(Config(ContentFormats.Xml, batching: false), People().Take(1)).Single();

        Assert.Equal("<record><id>1</id><name>Ada, \"the\" first</name><active>true</active></record>", payload.Body);
    }

    [Fact]
    public void Build_CsvBatch_HasHeaderFromUnionOfFieldsAndQuotesPerRfc4180()
    {
        var payload = CreateSut().Build(Config(ContentFormats.Csv, batching: true), People()).Single();

        Assert.Equal(
            "id,name,active,first name,tags,address,note\r\n"
            + "1,\"Ada, \"\"the\"\" first\",true,,,,\r\n"
            + "2,,,Bo,\"[\"\"a\"\",\"\"b\"\"]\",\"{\"\"city\"\":\"\"Oslo\"\"}\",\r\n",
            payload.Body);
        Assert.Equal("text/csv", payload.Headers["Content-Type"]);
    }

    [Fact]
    public void Build_NdjsonBatch_IsOneCompactRecordPerLine()
    {
        var payload = CreateSut().Build(Config(ContentFormats.Ndjson, batching: true), People()).Single();

        Assert.Equal(
            "{\"id\":1,\"name\":\"Ada, \\\"the\\\" first\",\"active\":true}\n"
            + "{\"id\":2,\"first name\":\"Bo\",\"tags\":[\"a\",\"b\"],\"address\":{\"city\":\"Oslo\"},\"note\":null}\n",
            payload.Body);
        Assert.Equal("application/x-ndjson", payload.Headers["Content-Type"]);
    }

    [Fact]
    public void Build_FormFlatRecord_IsUrlEncodedPairs()
    {
        var payload = CreateSut().Build(Config(ContentFormats.Form, batching: false), People().Take(1)).Single();

        Assert.Equal("id=1&name=Ada%2C+%22the%22+first&active=true", payload.Body);
        Assert.Equal("application/x-www-form-urlencoded", payload.Headers["Content-Type"]);
    }

    [Fact]
    public void Build_FormNestedRecord_FailsNamingTheFieldAndFormat()
    {
        var payload = CreateSut().Build(Config(ContentFormats.Form, batching: false), People().Skip(1)).Single();

        Assert.False(payload.CanSend);
        Assert.Contains("\"tags\" is an array", payload.Error, StringComparison.Ordinal);
        Assert.Contains("Form (URL-encoded)", payload.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Json_CopiesRecordTextUnchangedWithoutContentTypeHeader()
    {
        var stored = """{"id":7,"amount":1.10,"at":"2024-01-02"}""";

        var payload = CreateSut().Build(Config(ContentFormats.Json, batching: true), [DeliveryRecord.FromJson(7, stored)]).Single();

        Assert.Equal("[" + stored + "]", payload.Body);
        Assert.False(payload.Headers.ContainsKey("Content-Type"));
    }

    [Fact]
    public void Build_UserContentTypeHeader_IsKept()
    {
        var config = Config(ContentFormats.Xml, batching: false) with { Headers = new Dictionary<string, string> { ["content-type"] = "text/xml" } };

        var payload = CreateSut().Build(config, People().Take(1)).Single();

        Assert.Equal("text/xml", payload.Headers["content-type"]);
        Assert.Single(payload.Headers);
    }

    [Theory]
    [InlineData(ContentFormats.Form, true, GroupingAlgorithms.Array, "batching.enabled")]
    [InlineData(ContentFormats.Csv, true, GroupingAlgorithms.Property, "batching.algorithm")]
    [InlineData(ContentFormats.Xml, true, GroupingAlgorithms.Code, "batching.algorithm")]
    [InlineData("yaml", false, GroupingAlgorithms.Array, "contentFormat")]
    public void Validate_BadCombination_NamesTheField(string format, bool batching, string algorithm, string field)
    {
        var config = Config(format, batching) with { Batching = Config(format, batching).Batching with { Algorithm = algorithm } };

        var errors = new DestinationValidator(new JintScriptEvaluator()).Validate(config);

        Assert.Equal(field, Assert.Single(errors).Field);
    }

    [Fact]
    public void Validate_TemplateBodyWithXml_IsAContentFormatError()
    {
        var template = RepositoryTemplates.Catalog.Find("clientsuccess.bulk-create-contacts")!;
        var config = DestinationConfig.FromTemplate(template, new Dictionary<string, string?>()) with { ContentFormat = ContentFormats.Xml };

        var errors = new DestinationValidator(new JintScriptEvaluator()).Validate(config);

        Assert.Contains(errors, e => e.Field == "contentFormat" && e.Message.Contains("JSON template", StringComparison.Ordinal));
    }
}
