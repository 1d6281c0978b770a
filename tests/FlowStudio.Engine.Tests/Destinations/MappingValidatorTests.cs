using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Scripting;
using FlowStudio.Engine.Templates;
using FlowStudio.Engine.Tests.Templates;

namespace FlowStudio.Engine.Tests.Destinations;

public sealed class MappingValidatorTests
{
    private static readonly EndpointTemplate Ingest = RepositoryTemplates.Catalog.Find("clari.ingest-bulk-entities")!;

    private static MappingValidator CreateSut() => new(new JintScriptEvaluator());

    private static FieldError Single(FieldMapping row, IReadOnlyCollection<string>? attributes = null) =>
        Assert.Single(CreateSut().Validate([FieldMapping.FromAttribute("id", "id"), row], Ingest, attributes ?? ["id", "createdTimestamp"]));

    [Fact]
    public void Validate_GoodMapping_HasNoProblems() =>
        Assert.Empty(CreateSut().Validate(
            [
                new FieldMapping("id", MappingSources.Attribute, "id", MappingConversions.ToText),
                new FieldMapping("createdAt", MappingSources.Attribute, "createdTimestamp", MappingConversions.EpochMillis),
                new FieldMapping("updatedAt", MappingSources.Expression, "Date.parse(record.createdTimestamp)"),
                new FieldMapping("name", MappingSources.Constant, "Pulse", null, "n/a"),
            ],
            Ingest, ["id", "createdTimestamp"]));

    [Fact]
    public void Validate_UnknownTargetField_NamesTheRowAndListsTheFields() =>
        Assert.Equal(new FieldError("mapping[1].field", "Ingest Bulk Entities has no field 'owner'; its fields are id, createdAt, updatedAt, name."),
            Single(FieldMapping.FromAttribute("owner", "id")));

    [Fact]
    public void Validate_FieldMappedTwice_IsReported() =>
        Assert.Equal(new FieldError("mapping[1].field", "id is mapped twice (rows 1 and 2): map each field once."),
            Single(FieldMapping.FromAttribute("id", "createdTimestamp")));

    [Fact]
    public void Validate_UnknownConversion_NamesTheField() =>
        Assert.Equal(new FieldError("mapping[1].convert", "'toDate' is not a conversion for createdAt: use epochMillis, isoDateTime, date, toString, toNumber, trim, lowercase, uppercase."),
            Single(new FieldMapping("createdAt", MappingSources.Attribute, "createdTimestamp", "toDate")));

    [Fact]
    public void Validate_UnknownSource_NamesTheField() =>
        Assert.Equal("mapping[1].from", Single(new FieldMapping("createdAt", "lookup", "x")).Field);

    [Fact]
    public void Validate_AttributeTheDatasetDoesNotHave_IsReported() =>
        Assert.Equal(new FieldError("mapping[1].value", "The dataset has no attribute 'createdAt' to fill createdAt."),
            Single(FieldMapping.FromAttribute("createdAt", "createdAt")));

    [Fact]
    public void Validate_DottedPathUnderAnAttribute_IsAccepted() =>
        Assert.Empty(CreateSut().Validate([FieldMapping.FromAttribute("name", "client.name")], Ingest, ["client"]));

    [Fact]
    public void Validate_UnknownAttributesNotKnown_AcceptsAnyAttribute() =>
        Assert.Empty(CreateSut().Validate([FieldMapping.FromAttribute("name", "anything")], Ingest, null));

    [Fact]
    public void Validate_BadExpression_SaysItIsNotValidJavaScript()
    {
        var error = Single(new FieldMapping("updatedAt", MappingSources.Expression, "record.createdTimestamp +"));

        Assert.Equal("mapping[1].value", error.Field);
        Assert.StartsWith("The expression for updatedAt is not valid JavaScript: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BlankExpression_AsksForOne() =>
        Assert.Equal("Write the expression that computes updatedAt, e.g. String(record.id).",
            Single(new FieldMapping("updatedAt", MappingSources.Expression, " ")).Message);
}
