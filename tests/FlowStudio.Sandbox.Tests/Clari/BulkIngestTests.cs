using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace FlowStudio.Sandbox.Tests.Clari;

[Collection(SandboxCollection.Name)]
public sealed class BulkIngestTests(SandboxServer sandbox)
{
    [Fact]
    public async Task Bulk_ValidFile_IsQueuedThenSucceedsWith202Then200()
    {
        using var client = ClariHttp.CreateClient(sandbox);
        var jobId = await ClariHttp.SubmitBulkAsync(client, "account", ClariHttp.Records("bulk-ok-", 3));

        var seen = await ClariHttp.PollIngestJobAsync(client, jobId);

        Assert.Matches("^[0-9a-f]{24}$", jobId);
        Assert.All(seen[..^1], poll => Assert.Equal(HttpStatusCode.Accepted, poll.Status));
        Assert.Contains(seen[0].Body.GetProperty("message").GetProperty("status").GetString(), (string[])["QUEUED", "IN_PROGRESS"]);
        var (status, body) = seen[^1];
        var message = body.GetProperty("message");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("SUCCESS", message.GetProperty("status").GetString());
        Assert.Equal(jobId, message.GetProperty("jobId").GetString());
        Assert.Equal("DATA_INGESTION", message.GetProperty("module").GetString());
        Assert.Equal("Data Ingestion", message.GetProperty("title").GetString());
        Assert.Equal("data.json", message.GetProperty("fileName").GetString());
        Assert.True(message.GetProperty("endTime").GetInt64() >= message.GetProperty("startTime").GetInt64());
    }

    [Fact]
    public async Task Bulk_MoreThan100Records_Succeeds()
    {
        using var client = ClariHttp.CreateClient(sandbox);
        var jobId = await ClariHttp.SubmitBulkAsync(client, "contact", ClariHttp.Records("bulk-many-", 250));

        var (status, _) = (await ClariHttp.PollIngestJobAsync(client, jobId))[^1];

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Bulk_InvalidRecords_JobEndsValidationFailedWith400()
    {
        using var client = ClariHttp.CreateClient(sandbox);
        const string json = "[{\"sourceEntity\":\"a\",\"records\":[{\"id\":\"b1\",\"createdAt\":5,\"updatedAt\":1},{\"createdAt\":1,\"updatedAt\":2}]}]";
        var response = await client.PostAsync("v1/ingest/bulk/entity/account?mode=incremental", ClariHttp.BulkFile(json));
        var jobId = (await ClariHttp.ReadJsonAsync(response)).GetProperty("jobId").GetString()!;

        var (status, body) = (await ClariHttp.PollIngestJobAsync(client, jobId))[^1];

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("VALIDATION_FAILED", body.GetProperty("message").GetProperty("status").GetString());
        var errors = body.GetProperty("message").GetProperty("message").EnumerateArray().ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, error => Assert.Equal("INVALID_INPUT_FORMAT", error.GetProperty("errorCode").GetString()));
        Assert.Equal("Primary key field id is missing", errors[1].GetProperty("errorSummary").GetString());
    }

    [Fact]
    public async Task JobStatus_UnknownJob_Returns404()
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var response = await client.GetAsync("v2/ingest/job/000000000000000000000000");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("Bulk ingestion job not found", (await ClariHttp.ReadJsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Bulk_FileInOtherPart_Returns400InvalidFileFormat()
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var response = await client.PostAsync("v2/ingest/bulk/entity/account", ClariHttp.BulkFile("[]", part: "file"));

        Assert.Equal("INVALID_FILE_FORMAT", (await ClariHttp.SingleIngestErrorAsync(response)).Code);
    }

    [Theory]
    [InlineData("id,createdAt\na1,1", "data.csv")]
    [InlineData("{not json", "data.json")]
    public async Task Bulk_NotJson_Returns400InvalidFileFormat(string content, string fileName)
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var response = await client.PostAsync("v2/ingest/bulk/entity/account", ClariHttp.BulkFile(content, fileName));

        Assert.Equal(
            ("INVALID_FILE_FORMAT", "Allowed file format is JSON only. Please try again with right format."),
            await ClariHttp.SingleIngestErrorAsync(response));
    }

    [Fact]
    public async Task Bulk_JsonBodyInsteadOfMultipart_Returns400InvalidFileFormat()
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var response = await client.PostAsync("v2/ingest/bulk/entity/account", new StringContent("[]", Encoding.UTF8, "application/json"));

        Assert.Equal("INVALID_FILE_FORMAT", (await ClariHttp.SingleIngestErrorAsync(response)).Code);
    }

    [Fact]
    public async Task Bulk_FileOver10MB_Returns400InvalidFileFormat()
    {
        using var client = ClariHttp.CreateClient(sandbox);
        var file = new ByteArrayContent(new byte[(10 * 1024 * 1024) + 1]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await client.PostAsync("v2/ingest/bulk/entity/account", new MultipartFormDataContent { { file, "FileData", "big.json" } });

        Assert.Equal(
            ("INVALID_FILE_FORMAT", "File size exceeds the maximum allowed size of 10MB"),
            await ClariHttp.SingleIngestErrorAsync(response));
    }

    [Fact]
    public async Task Bulk_InvalidMode_Returns400BeforeCreatingAJob()
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var response = await client.PostAsync("v2/ingest/bulk/entity/account?mode=upsert", ClariHttp.BulkFile("[]"));

        Assert.Equal("INVALID_INPUT_FORMAT", (await ClariHttp.SingleIngestErrorAsync(response)).Code);
    }
}
