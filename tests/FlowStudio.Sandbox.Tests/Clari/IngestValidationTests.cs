using System.Net;

namespace FlowStudio.Sandbox.Tests.Clari;

[Collection(SandboxCollection.Name)]
public sealed class IngestValidationTests(SandboxServer sandbox)
{
    private const string Times = "\"createdAt\":1700000000000,\"updatedAt\":1700000100000";

    [Theory]
    [InlineData("{\"sourceEntity\":\"a\",\"records\":[]}", "INVALID_INPUT_FORMAT", "Payload is not an array")]
    [InlineData("this is not json", "INVALID_INPUT_FORMAT", "Payload is not an array")]
    [InlineData("[{\"records\":[]}]", "INVALID_INPUT_FORMAT", "sourceEntity is missing dataSet 0")]
    [InlineData("[{\"sourceEntity\":\"a\"}]", "INVALID_INPUT_FORMAT", "records is missing for dataSet 0")]
    [InlineData("[{\"sourceEntity\":\"a\",\"records\":[{" + Times + "}]}]", "INVALID_INPUT_FORMAT", "Primary key field id is missing")]
    [InlineData("[{\"sourceEntity\":\"a\",\"records\":[{\"id\":42," + Times + "}]}]", "DATA_TYPE_ERROR", "Field id type number does not match expected type string")]
    [InlineData("[{\"sourceEntity\":\"a\",\"records\":[{\"id\":\"v1\",\"updatedAt\":1700000100000}]}]", "INVALID_INPUT_FORMAT", "Field createdAt is missing")]
    [InlineData("[{\"sourceEntity\":\"a\",\"records\":[{\"id\":\"v1\",\"createdAt\":1700000000000}]}]", "INVALID_INPUT_FORMAT", "Field updatedAt is missing")]
    [InlineData("[{\"sourceEntity\":\"a\",\"records\":[{\"id\":\"v1\",\"createdAt\":\"2023-01-01\",\"updatedAt\":1700000100000}]}]", "DATA_TYPE_ERROR", "Field createdAt type string does not match expected type number")]
    [InlineData("[{\"sourceEntity\":\"a\",\"records\":[{\"id\":\"v1\",\"createdAt\":1700000100000,\"updatedAt\":1700000000000}]}]", "INVALID_INPUT_FORMAT", "Failed validation for data at path: /0/records/0 updatedAt should be greater than or equal to createdAt")]
    [InlineData("[{\"sourceEntity\":\"a\",\"records\":[{\"id\":\"v1\"," + Times + "}]},{\"sourceEntity\":\"b\",\"records\":[{\"id\":\"v1\"," + Times + "}]}]", "INVALID_INPUT_FORMAT", "Duplicate record with value v1 for primary key field id")]
    public async Task Ingest_InvalidPayload_Returns400WithCodeAndSummary(string body, string code, string summary)
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var response = await ClariHttp.IngestRawAsync(client, "account", body);

        Assert.Equal((code, summary), await ClariHttp.SingleIngestErrorAsync(response));
    }

    [Theory]
    [InlineData("account", "mode=full", "Mode value is invalid. Please try again with a valid mode value, possible values are [initial, increment]")]
    [InlineData("account", "mode=incremental&isLastBatch=maybe", "isLastBatch value is invalid. Please try again with a valid value, possible values are [true, false]")]
    [InlineData("lead", "mode=incremental", "Entity is not valid/enabled for integration. Please try again with a valid/enabled entity")]
    public async Task Ingest_InvalidParameters_Returns400InvalidInputFormat(string entity, string query, string summary)
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var response = await ClariHttp.IngestAsync(client, entity, ClariHttp.Records("param-", 1), query);

        Assert.Equal(("INVALID_INPUT_FORMAT", summary), await ClariHttp.SingleIngestErrorAsync(response));
    }

    [Fact]
    public async Task Ingest_100Records_IsAccepted()
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var response = await ClariHttp.IngestAsync(client, "contact", ClariHttp.Records("limit-ok-", 100));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(100, (await ClariHttp.ReadJsonAsync(response)).GetProperty("recordsReceived").GetInt32());
    }

    [Fact]
    public async Task Ingest_101RecordsAcrossDataSets_Returns400RecordLimit()
    {
        using var client = ClariHttp.CreateClient(sandbox);
        object[] payload = [.. ClariHttp.Records("limit-a-", 60), .. ClariHttp.Records("limit-b-", 41)];

        var response = await ClariHttp.IngestAsync(client, "contact", payload);

        Assert.Equal(("INVALID_INPUT_FORMAT", "The number of records limit to 100"), await ClariHttp.SingleIngestErrorAsync(response));
    }

    [Fact]
    public async Task Ingest_SeveralBadRecords_ReportsEachError()
    {
        using var client = ClariHttp.CreateClient(sandbox);
        const string body = "[{\"sourceEntity\":\"a\",\"records\":[{\"id\":\"e1\"}, {\"id\":\"e2\",\"createdAt\":1,\"updatedAt\":true}]}]";

        var response = await ClariHttp.IngestRawAsync(client, "account", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var codes = (await ClariHttp.ReadJsonAsync(response)).EnumerateArray().Select(error => error.GetProperty("errorCode").GetString()).ToList();
        Assert.Equal(["INVALID_INPUT_FORMAT", "INVALID_INPUT_FORMAT", "DATA_TYPE_ERROR"], codes);
    }

    [Theory]
    [InlineData("v2/ingest/entity/Opportunity?mode=incremental&isLastBatch=false")]
    [InlineData("v1/ingest/entity/opportunity?mode=incremental&isLastBatch=true")]
    [InlineData("v2/ingest/entity/activity")]
    public async Task Ingest_ValidRecords_Returns200(string path)
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var response = await client.PostAsync(path, System.Net.Http.Json.JsonContent.Create(ClariHttp.Records("ok-", 3)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("SUCCESS", (await ClariHttp.ReadJsonAsync(response)).GetProperty("status").GetString());
    }
}
