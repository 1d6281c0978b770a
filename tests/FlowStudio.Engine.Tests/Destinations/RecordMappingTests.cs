using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Scripting;
using FlowStudio.Engine.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Tests.Destinations;

/// <summary>A template destination's mapping as the requests show it: sources, conversions, defaults and failures.</summary>
public sealed class RecordMappingTests
{
    private static PayloadBuilder CreateSut() => new(new JintScriptEvaluator(), new ManualTimeProvider());

    private static readonly object Pulse = new
    {
        id = 4711,
        clientId = 12,
        note = "  Renewal At Risk ",
        currentScore = "85",
        createdTimestamp = "2026-03-01T12:30:00.000Z",
        batchUpdateTimestamp = "2026-03-02 08:00:00",
        day = "2026-03-05",
        blank = "",
        missing = (string?)null,
        nested = new { owner = "Ada" },
    };

    private static JObject Body(params FieldMapping[] mapping)
    {
        var payload = Send(mapping);
        Assert.Null(payload.Error);
        using var reader = new JsonTextReader(new StringReader(payload.Body)) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }

    private static OutboundPayload Send(params FieldMapping[] mapping)
    {
        var config = new DestinationConfig { Url = "https://api.example.test/items", Shape = RecordShape.Mapped(mapping) };
        return CreateSut().Build(config, [TestRecords.Record(1, Pulse)]).Single();
    }

    private static FieldMapping Attribute(string field, string attribute, string? convert = null, string? fallback = null) =>
        new(field, MappingSources.Attribute, attribute, convert, fallback);

    [Fact]
    public void Build_Mapping_SendsOnlyTheMappedFieldsInMappingOrder()
    {
        var body = Body(Attribute("externalId", "id"), Attribute("owner", "nested.owner"));

        Assert.Equal(["externalId", "owner"], body.Properties().Select(p => p.Name));
        Assert.Equal((4711L, "Ada"), ((long)body["externalId"]!, (string?)body["owner"]));
    }

    [Fact]
    public void Build_NumberToString_SendsText() =>
        Assert.Equal(JTokenType.String, Body(Attribute("id", "id", MappingConversions.ToText))["id"]!.Type);

    [Fact]
    public void Build_StringToNumber_SendsANumber() =>
        Assert.Equal(85L, (long)Body(Attribute("score", "currentScore", MappingConversions.ToNumber))["score"]!);

    [Fact]
    public void Build_IsoTextToEpochMillis_SendsMillisecondsSince1970()
    {
        var body = Body(Attribute("createdAt", "createdTimestamp", MappingConversions.EpochMillis));

        Assert.Equal(JTokenType.Integer, body["createdAt"]!.Type);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 12, 30, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), (long)body["createdAt"]!);
    }

    [Fact]
    public void Build_DateTimeWithoutZoneToEpochMillis_ReadsItAsUtc() =>
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(),
            (long)Body(Attribute("updatedAt", "batchUpdateTimestamp", MappingConversions.EpochMillis))["updatedAt"]!);

    [Fact]
    public void Build_DateTextToIsoDateTime_SendsUtcIso8601() =>
        Assert.Equal("2026-03-05T00:00:00.000Z", (string?)Body(Attribute("at", "day", MappingConversions.IsoDateTime))["at"]);

    [Fact]
    public void Build_EpochMillisToIsoDateTime_SendsUtcIso8601() =>
        Assert.Equal("2026-03-01T12:30:00.000Z",
            (string?)Body(new FieldMapping("at", MappingSources.Constant, "1772368200000", MappingConversions.IsoDateTime))["at"]);

    [Fact]
    public void Build_DateTimeToDate_SendsYyyyMmDd() =>
        Assert.Equal("2026-03-01", (string?)Body(Attribute("startDate", "createdTimestamp", MappingConversions.Date))["startDate"]);

    [Theory]
    [InlineData(MappingConversions.Trim, "Renewal At Risk")]
    [InlineData(MappingConversions.Lowercase, "  renewal at risk ")]
    [InlineData(MappingConversions.Uppercase, "  RENEWAL AT RISK ")]
    public void Build_TextConversions_ChangeTheText(string conversion, string expected) =>
        Assert.Equal(expected, (string?)Body(Attribute("note", "note", conversion))["note"]);

    [Theory]
    [InlineData("blank")]
    [InlineData("missing")]
    [InlineData("absent")]
    public void Build_DefaultWhenEmpty_FillsBlankNullAndAbsentValues(string attribute) =>
        Assert.Equal("n/a", (string?)Body(Attribute("note", attribute, fallback: "n/a"))["note"]);

    [Fact]
    public void Build_DefaultThenConversion_ConvertsTheDefault() =>
        Assert.Equal(0L, (long)Body(Attribute("score", "blank", MappingConversions.ToNumber, "0"))["score"]!);

    [Fact]
    public void Build_AbsentAttributeWithoutDefault_LeavesTheFieldOut() =>
        Assert.Empty(Body(Attribute("note", "absent", MappingConversions.Trim)).Properties());

    [Fact]
    public void Build_Constant_SendsTheTextForEveryRecord() =>
        Assert.Equal("flowstudio", (string?)Body(new FieldMapping("origin", MappingSources.Constant, "flowstudio"))["origin"]);

    [Fact]
    public void Build_Expressions_RunOverTheRecordInTheScriptEngine()
    {
        var body = Body(
            new FieldMapping("id", MappingSources.Expression, "'pulse-' + record.id"),
            new FieldMapping("score", MappingSources.Expression, "Number(record.currentScore) / 100 // a fraction"),
            new FieldMapping("owner", MappingSources.Expression, "record.nested?.owner.toUpperCase()", MappingConversions.Lowercase));

        Assert.Equal(("pulse-4711", 0.85, "ada"), ((string?)body["id"], (double)body["score"]!, (string?)body["owner"]));
    }

    [Fact]
    public void Build_ExpressionReturningUndefined_UsesTheDefault() =>
        Assert.Equal("none", (string?)Body(new FieldMapping("x", MappingSources.Expression, "record.nothing", null, "none"))["x"]);

    [Theory]
    [InlineData(MappingConversions.EpochMillis, "note", "note: \"  Renewal At Risk \" is not a date or date-time, so it cannot become epoch ms")]
    [InlineData(MappingConversions.IsoDateTime, "note", "cannot become an ISO 8601 date and time")]
    [InlineData(MappingConversions.ToNumber, "note", "note: \"  Renewal At Risk \" is not a number")]
    public void Build_ValueThatCannotBeConverted_FailsThatRecordNamingTheField(string conversion, string attribute, string expected)
    {
        var payload = Send(Attribute("note", attribute, conversion));

        Assert.False(payload.CanSend);
        Assert.Contains(expected, payload.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ExpressionThatThrows_FailsThatRecordNamingTheField()
    {
        var payload = Send(new FieldMapping("owner", MappingSources.Expression, "record.nobody.name"));

        Assert.StartsWith("The expression for owner failed: ", payload.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ExpressionThatLoopsForever_IsStoppedByTheScriptLimits()
    {
        var payload = Send(new FieldMapping("x", MappingSources.Expression, "(() => { while (true) {} })()"));

        Assert.StartsWith("The expression for x failed: ", payload.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BatchWithOneUnconvertibleRecord_SendsTheOthersAndFailsThatOne()
    {
        var config = new DestinationConfig
        {
            Url = "https://api.example.test/items",
            Batching = new BatchingOptions { Enabled = true, BatchSize = 10, Algorithm = GroupingAlgorithms.Array },
            Shape = RecordShape.Mapped([Attribute("at", "when", MappingConversions.EpochMillis)]),
        };
        DeliveryRecord[] records = [TestRecords.Record(1, new { when = "2026-01-01" }), TestRecords.Record(2, new { when = "soon" }), TestRecords.Record(3, new { when = 5 })];

        var payloads = CreateSut().Build(config, records).ToList();

        Assert.Equal([2L], payloads[0].RecordIds);
        Assert.Contains("at: \"soon\" is not a date", payloads[0].Error, StringComparison.Ordinal);
        Assert.Equal([1L, 3L], payloads[1].RecordIds);
        Assert.Equal("[{\"at\":1767225600000},{\"at\":5}]", payloads[1].Body);
    }

    [Fact]
    public void CheckFields_ClariTemplate_NamesEmptyRequiredFieldsAndValuesOfAnotherType()
    {
        var template = Templates.RepositoryTemplates.Catalog.Find("clari.ingest-bulk-entities")!;
        var config = DestinationConfig.FromTemplate(template, new Dictionary<string, string?> { ["entityType"] = "account" });
        var record = TestRecords.Record(1, new { id = 7, createdAt = "2026-01-01", name = "" });

        var unmapped = CreateSut().CheckFields(config, record);
        var mapped = CreateSut().CheckFields(config with
        {
            Shape = RecordShape.Mapped(
            [
                Attribute("id", "id", MappingConversions.ToText),
                Attribute("createdAt", "createdAt", MappingConversions.EpochMillis),
                Attribute("updatedAt", "createdAt", MappingConversions.EpochMillis),
            ]),
        }, record);

        Assert.Equal(
            [new FieldCheck("id", false, "string"), new FieldCheck("createdAt", false, "epochMillis"), new FieldCheck("updatedAt", true, "epochMillis")],
            unmapped);
        Assert.Empty(mapped);
    }
}
