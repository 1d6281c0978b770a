using FlowStudio.Web.Features.Destinations;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace FlowStudio.Web.Tests.Components.Destinations;

public sealed class DestinationFormTests
{
    [Fact]
    public void ToRequest_AdvancedWithCodeBatching_BuildsTheManualRequest()
    {
        var form = Read(new()
        {
            ["Mode"] = "manual",
            ["DatasetId"] = "ds_1",
            ["CredentialId"] = "cred_1",
            ["Connector"] = "clari",
            ["Method"] = "post",
            ["Url"] = " /v2/ingest/entity/account?mode=incremental ",
            ["Headers"] = "X-Batch:nightly, X-Team:revops",
            ["ExcludeAttributes"] = new StringValues(["note", "reasonCodes", "note"]),
            ["Batching.Enabled"] = "true",
            ["Batching.BatchSize"] = "50",
            ["Batching.Algorithm"] = "code",
            ["Batching.Code"] = "function group(records) { return records; }",
            ["Batching.PropertyName"] = "ignored",
        });

        var (request, errors) = form.ToRequest("Clari POST /v2/ingest/entity/account");

        Assert.Empty(errors);
        Assert.Equal("Clari POST /v2/ingest/entity/account", request.Name);
        Assert.Null(request.TemplateId);
        var manual = request.Manual!;
        Assert.Equal("POST", manual.Method);
        Assert.Equal("/v2/ingest/entity/account?mode=incremental", manual.Url);
        Assert.Equal("revops", manual.Headers!["X-Team"]);
        Assert.Equal(["note", "reasonCodes"], manual.ExcludeAttributes);
        Assert.Equal(50, manual.Batching!.BatchSize);
        Assert.Equal("code", manual.Batching.Algorithm);
        Assert.Null(manual.Batching.PropertyName);
        Assert.Equal("function group(records) { return records; }", manual.Batching.Code);
    }

    [Fact]
    public void ToRequest_BadHeadersAndBatchSize_NamesTheFieldsTheFormShows()
    {
        var form = Read(new()
        {
            ["Mode"] = "manual",
            ["Url"] = "/v2/contact",
            ["Headers"] = "X-Batch",
            ["Batching.Enabled"] = "true",
            ["Batching.BatchSize"] = "lots",
        });

        var (_, errors) = form.ToRequest(null);

        Assert.Equal(["headers", "batching.batchSize"], errors.Select(e => e.Field));
        Assert.Contains("has no colon", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToRequest_BatchingOff_SendsNoBatchingSettings()
    {
        var form = Read(new() { ["Mode"] = "manual", ["Url"] = "/v2/contact", ["Batching.BatchSize"] = "lots", ["Batching.OtherProps"] = "{" });

        var (request, errors) = form.ToRequest("x");

        Assert.Empty(errors);
        Assert.Null(request.Manual!.Batching);
    }

    [Fact]
    public void ToRequest_SyncMapping_KeepsTheObjectsFieldsAndRejectsADatasetFieldMappedTwice()
    {
        var form = Read(new()
        {
            ["Mode"] = "sync",
            ["Sync.ObjectType"] = "Contact",
            ["Sync.Mode"] = "Insert",
            ["Mapping[clientId]"] = "clientId",
            ["Mapping[email]"] = "contactEmail",
            ["Mapping[name]"] = "subject",
            ["Mapping[firstName]"] = "",
        });

        var (request, errors) = form.ToRequest("Contacts");

        Assert.Empty(errors);
        Assert.Equal("Contact", request.Sync!.ObjectType);
        Assert.Equal("Insert", request.Sync.Mode);
        Assert.Equal(new Dictionary<string, string> { ["clientId"] = "clientId", ["contactEmail"] = "email" }, request.Sync.FieldMapping);

        var twice = Read(new() { ["Mode"] = "sync", ["Sync.ObjectType"] = "Contact", ["Mapping[email]"] = "mail", ["Mapping[firstName]"] = "mail" });

        Assert.Equal("sync.fieldMapping", Assert.Single(twice.ToRequest("x").Errors).Field);
    }

    [Fact]
    public void Read_TemplateFields_KeepsParametersAndTestMode()
    {
        var form = Read(new()
        {
            ["TemplateId"] = "clari.ingest-bulk-entities",
            ["Parameters[entityType]"] = "Account",
            ["Parameters[mode]"] = "",
            ["PanelMode"] = "test",
        });

        var (request, _) = form.ToRequest("x");

        Assert.True(form.IsTemplate);
        Assert.True(form.TestMode);
        Assert.Equal("clari.ingest-bulk-entities", request.TemplateId);
        Assert.Equal("Account", request.Parameters!["entityType"]);
        Assert.Null(request.Parameters["mode"]);
    }

    private static DestinationForm Read(Dictionary<string, StringValues> values) => DestinationForm.Read(new FormCollection(values));
}
