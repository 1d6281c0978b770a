using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Scripting;
using FlowStudio.Engine.Tests.Support;
using FlowStudio.Engine.Tests.Templates;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Tests.Destinations;

public sealed class DestinationTemplateTests
{
    private static PayloadBuilder CreateBuilder() => new(new JintScriptEvaluator(), new ManualTimeProvider());

    private static DestinationConfig FromTemplate(string id, Dictionary<string, string?> parameters) =>
        DestinationConfig.FromTemplate(RepositoryTemplates.Catalog.Find(id)!, parameters);

    [Fact]
    public void FromTemplate_UploadEntityData_BatchesIntoTheClariEnvelope()
    {
        var config = FromTemplate("clari.upload-entity-data", new() { ["entityType"] = "Account" });
        var records = Enumerable.Range(1, 150).Select(i => TestRecords.Record(i, new { id = $"001{i}", createdAt = 1, updatedAt = 2 }));

        var payloads = CreateBuilder().Build(config, records).ToList();

        Assert.Equal("/v2/ingest/entity/account?mode=incremental&isLastBatch=true", payloads[0].Url);
        Assert.Equal([100, 50], payloads.Select(p => p.RecordIds.Count));
        var envelope = Assert.Single(JArray.Parse(payloads[1].Body));
        Assert.Equal("account", (string?)envelope["sourceEntity"]);
        Assert.Equal(50, ((JArray)envelope["records"]!).Count);
        Assert.Equal(RequestBodyKind.Json, payloads[0].Kind);
    }

    [Fact]
    public void FromTemplate_IngestBulkEntities_SendsAMultipartFile()
    {
        var config = FromTemplate("clari.ingest-bulk-entities", new() { ["entityType"] = "opportunity", ["mode"] = "Replace", ["isLastBatch"] = "false" });

        var payload = CreateBuilder().Build(config, TestRecords.Clients(1)).Single();

        Assert.Equal("/v2/ingest/bulk/entity/opportunity?mode=initial&isLastBatch=false", payload.Url);
        Assert.Equal(RequestBodyKind.MultipartJsonFile, payload.Kind);
        Assert.Equal("FileData", payload.FilePart);
    }

    [Fact]
    public void FromTemplate_DeleteContact_OneDeletePerRecordFromTheChosenField()
    {
        var config = FromTemplate("clientsuccess.delete-contact", new() { ["contactId"] = "contact_uuid" });
        var records = new[]
        {
            TestRecords.Record(1, new { contact_uuid = "cnt_0001" }),
            TestRecords.Record(2, new { email = "x@example.com" }),
        };

        var payloads = CreateBuilder().Build(config, records).ToList();

        Assert.Equal("DELETE", payloads[0].Method);
        Assert.Equal("/v2/contact/cnt_0001", payloads[0].Url);
        Assert.Equal(RequestBodyKind.None, payloads[0].Kind);
        Assert.Equal("URL macro {contact_uuid}: the record has no field contact_uuid", payloads[1].Error);
    }

    [Fact]
    public void FromTemplate_BulkCreateClients_WrapsTheBatchInAdd()
    {
        var config = FromTemplate("clientsuccess.bulk-create-clients", []);

        var payload = CreateBuilder().Build(config, TestRecords.Clients(3)).Single();

        Assert.Equal(3, ((JArray)JObject.Parse(payload.Body)["add"]!).Count);
    }

    [Fact]
    public void FromTemplate_WorkatoBatchWithoutBody_SendsTheBareArray()
    {
        var config = FromTemplate("clientsuccess.upsert-batch-contacts-workato", []);

        var payload = CreateBuilder().Build(config, TestRecords.Clients(2)).Single();

        Assert.Equal(2, JArray.Parse(payload.Body).Count);
    }
}
