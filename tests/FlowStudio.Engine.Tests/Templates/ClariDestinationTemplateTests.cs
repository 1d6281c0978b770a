using FlowStudio.Engine.Templates;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Tests.Templates;

public sealed class ClariDestinationTemplateTests
{
    private static readonly TemplateCatalog Catalog = RepositoryTemplates.Catalog;

    [Fact]
    public void For_ClariDestination_IsTheTwoIngestEndpoints() =>
        Assert.Equal(["Ingest Bulk Entities", "Upload Entity Data"], Catalog.For("clari", "destination").Select(t => t.Name));

    [Theory]
    [InlineData("clari.ingest-bulk-entities", "/v2/ingest/bulk/entity/{entityType}")]
    [InlineData("clari.upload-entity-data", "/v2/ingest/entity/{entityType}")]
    public void Find_IngestTemplate_HasRequiredEntityTypeWithTheFourEntities(string id, string path)
    {
        var template = Catalog.Find(id)!;

        Assert.Equal(("POST", path), (template.Method, template.Path));
        Assert.Equal(["entityType", "mode", "isLastBatch"], template.Parameters.Select(p => p.Name));
        var entityType = template.Parameter("entityType")!;
        Assert.Equal(("Entity Type", ParameterTypes.Select, ParameterLocations.Path, true), (entityType.Label, entityType.Type, entityType.In, entityType.Required));
        Assert.Equal(
            [new ParameterOption("Account", "account"), new("Contact", "contact"), new("Opportunity", "opportunity"), new("Activity", "activity")],
            entityType.Options);
        Assert.Null(entityType.Default);
    }

    [Theory]
    [InlineData("clari.ingest-bulk-entities")]
    [InlineData("clari.upload-entity-data")]
    public void Find_IngestTemplate_IsLastBatchIsABooleanQueryParameterDefaultingToTrue(string id)
    {
        var isLastBatch = Catalog.Find(id)!.Parameter("isLastBatch")!;

        Assert.Equal(("Is Last Batch", ParameterTypes.Boolean, ParameterLocations.Query, "true"),
            (isLastBatch.Label, isLastBatch.Type, isLastBatch.In, isLastBatch.Default));
    }

    [Fact]
    public void Find_IngestBulkEntities_ModeOffersReplaceMergeUpsertAndDefaultsToUpsert()
    {
        var mode = Catalog.Find("clari.ingest-bulk-entities")!.Parameter("mode")!;

        Assert.Equal(("Mode", ParameterTypes.Select, ParameterLocations.Query), (mode.Label, mode.Type, mode.In));
        Assert.Equal([new ParameterOption("Replace", "initial"), new("Merge", "incremental"), new("Upsert", "incremental")], mode.Options);
        Assert.Equal("Upsert", mode.Default);
        Assert.Equal("incremental", mode.ToWireValue(null));
        Assert.Equal("initial", mode.ToWireValue("Replace"));
    }

    [Fact]
    public void Find_UploadEntityData_ModeOffersIncrementalAndFullAndDefaultsToIncremental()
    {
        var mode = Catalog.Find("clari.upload-entity-data")!.Parameter("mode")!;

        Assert.Equal([new ParameterOption("Incremental", "incremental"), new("Full", "initial")], mode.Options);
        Assert.Equal("Incremental", mode.Default);
        Assert.Equal("incremental", mode.ToWireValue(""));
        Assert.Equal("initial", mode.ToWireValue("Full"));
    }

    [Fact]
    public void Find_IngestBulkEntities_SendsBatchesOf100AsAMultipartJsonFile()
    {
        var delivery = Catalog.Find("clari.ingest-bulk-entities")!.Delivery!;

        Assert.Equal((100, DeliveryEncodings.MultipartFile, "FileData"), (delivery.BatchSize, delivery.Encoding, delivery.FilePart));
        Assert.True(JToken.DeepEquals(JToken.Parse("""[{"sourceEntity": "{entityType}", "records": "$records"}]"""), delivery.Body));
    }

    [Fact]
    public void Find_UploadEntityData_SendsBatchesOf100AsJson()
    {
        var delivery = Catalog.Find("clari.upload-entity-data")!.Delivery!;

        Assert.Equal((100, DeliveryEncodings.Json), (delivery.BatchSize, delivery.Encoding));
        Assert.True(JToken.DeepEquals(JToken.Parse("""[{"sourceEntity": "{entityType}", "records": "$records"}]"""), delivery.Body));
    }
}
