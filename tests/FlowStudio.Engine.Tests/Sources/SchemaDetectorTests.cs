using FlowStudio.Engine.Sources;

namespace FlowStudio.Engine.Tests.Sources;

public sealed class SchemaDetectorTests
{
    [Fact]
    public void Detect_MixedRecords_MergesFieldsInOrderOfAppearance()
    {
        var records = new[]
        {
            SourceRecord.FromJson("""{"id":1,"name":"Acme","score":5,"active":true,"tags":["a"],"owner":{"id":3},"note":null}"""),
            SourceRecord.FromJson("""{"id":2,"name":"Globex","score":7.5,"active":false,"note":"hi","extra":null}"""),
        };

        var schema = SchemaDetector.Detect(records);

        Assert.Equal(
            [
                new SchemaField("id", "integer"), new SchemaField("name", "string"), new SchemaField("score", "number"),
                new SchemaField("active", "boolean"), new SchemaField("tags", "array"), new SchemaField("owner", "object"),
                new SchemaField("note", "string"), new SchemaField("extra", "null"),
            ],
            schema);
    }

    [Fact]
    public void Add_ConflictingTypes_BecomeString()
    {
        var detector = new SchemaDetector();
        detector.Add(SourceRecord.FromJson("""{"value":1}"""));
        detector.Add(SourceRecord.FromJson("""{"value":{"a":1}}"""));

        Assert.Equal("string", Assert.Single(detector.Fields).Type);
    }

    [Fact]
    public void Add_EarlierSchema_IsMergedWithNewRecords()
    {
        var detector = new SchemaDetector();
        detector.Add([new SchemaField("id", "integer")]);
        detector.Add(SourceRecord.FromJson("""{"id":1.5,"name":"x"}"""));

        Assert.Equal([new SchemaField("id", "number"), new SchemaField("name", "string")], detector.Fields);
    }
}
