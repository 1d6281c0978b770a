using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Tests.Templates;

namespace FlowStudio.Engine.Tests.Destinations;

public sealed class MappingProposalsTests
{
    [Fact]
    public void SameNames_PulsesIntoClariIngest_ProposesIdAsTextAndLeavesTheTimestampsToTheUser()
    {
        var fields = RepositoryTemplates.Catalog.Find("clari.ingest-bulk-entities")!.Fields;

        var proposed = MappingProposals.SameNames(fields, [("ID", "integer"), ("createdTimestamp", "string"), ("note", "string")]);

        Assert.Equal([new FieldMapping("id", MappingSources.Attribute, "ID", MappingConversions.ToText)], proposed);
    }

    [Theory]
    [InlineData("epochMillis", "string", MappingConversions.EpochMillis)]
    [InlineData("number", "string", MappingConversions.ToNumber)]
    [InlineData("isoDateTime", "integer", MappingConversions.IsoDateTime)]
    [InlineData("string", "boolean", MappingConversions.ToText)]
    [InlineData("string", "string", null)]
    [InlineData("epochMillis", "integer", null)]
    public void Conversion_ByFieldAndAttributeType_IsTheOneThatFits(string fieldType, string attributeType, string? expected) =>
        Assert.Equal(expected, MappingProposals.Conversion(fieldType, attributeType));
}
