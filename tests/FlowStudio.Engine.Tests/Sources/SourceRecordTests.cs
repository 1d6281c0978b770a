using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Sources;

namespace FlowStudio.Engine.Tests.Sources;

public sealed class SourceRecordTests
{
    private const string Stored = """{"id":"c-1","price":1.10,"big":12345678901234567890123,"at":"2024-01-01T00:00:00.000Z","owner":{"id":9},"note":null}""";

    [Fact]
    public void FromJson_Json_IsTheTextAsGiven()
    {
        const string Spaced = """{ "price": 1.10 }""";

        Assert.Equal(Spaced, SourceRecord.FromJson(Spaced).Json);
    }

    [Fact]
    public void Parse_ArrayOfObjects_OneRecordEachWithItsTextAsSent()
    {
        var records = SourceRecord.Parse("[" + Stored + ",{\"id\":\"c-2\",\"rate\":0.000001}]");

        Assert.NotNull(records);
        Assert.Equal([Stored, """{"id":"c-2","rate":0.000001}"""], records.Select(r => r.Json));
        Assert.All(records, r => Assert.Null(r.LookupKey));
    }

    [Fact]
    public void Parse_OneObject_IsOneRecord() =>
        Assert.Equal(Stored, Assert.Single(SourceRecord.Parse(Stored)!).Json);

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("[{\"id\":1},2]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    public void Parse_NotObjects_IsNull(string json) => Assert.Null(SourceRecord.Parse(json));

    [Fact]
    public void Parse_InvalidJson_SaysWhere()
    {
        var error = Assert.Throws<InvalidJsonException>(() => SourceRecord.Parse("[{\"id\":}]"));

        Assert.Equal(1, error.LineNumber);
        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_NewProperty_IsAddedToACopy()
    {
        var record = SourceRecord.FromJson(Stored);

        var tagged = record.With("_webhookDelivery", "key#0");

        Assert.Equal(Stored, record.Json);
        Assert.Equal(Stored[..^1] + ",\"_webhookDelivery\":\"key#0\"}", tagged.Json);
    }

    [Fact]
    public void With_ExistingProperty_IsReplacedInPlace() =>
        Assert.Equal("""{"a":"x","b":2}""", SourceRecord.FromJson("""{"a":1,"b":2}""").With("a", "x").Json);

    [Theory]
    [InlineData("id", "c-1")]
    [InlineData("price", "1.10")]
    [InlineData("big", "12345678901234567890123")]
    [InlineData("at", "2024-01-01T00:00:00.000Z")]
    [InlineData("owner", """{"id":9}""")]
    [InlineData("owner.id", "9")]
    [InlineData("$.owner.id", "9")]
    [InlineData("note", null)]
    [InlineData("missing", null)]
    public void FieldText_Field_IsItsTextAsStored(string field, string? expected) =>
        Assert.Equal(expected, SourceRecord.FromJson(Stored).FieldText(field));
}
