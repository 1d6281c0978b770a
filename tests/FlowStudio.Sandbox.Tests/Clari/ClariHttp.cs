using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace FlowStudio.Sandbox.Tests.Clari;

/// <summary>Calls to the Clari simulator as a client would make them.</summary>
internal static class ClariHttp
{
    public const string ApiKey = "clari-sandbox-key";
    public const string PartnerKey = "clari-sandbox-partner";

    public static HttpClient CreateClient(SandboxServer sandbox, bool apiKey = true, bool partnerKey = true) =>
        CreateClient(new Uri(sandbox.BaseAddress, "/sandbox/clari/"), apiKey, partnerKey);

    public static HttpClient CreateClient(Uri baseAddress, bool apiKey = true, bool partnerKey = true)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        if (apiKey)
        {
            client.DefaultRequestHeaders.Add("apikey", ApiKey);
        }

        if (partnerKey)
        {
            client.DefaultRequestHeaders.Add("partnerkey", PartnerKey);
        }

        return client;
    }

    /// <summary>One data set of records with ids <c>{prefix}{from}</c> .. <c>{prefix}{from + count - 1}</c>.</summary>
    public static object[] Records(string prefix, int count, int from = 1) =>
    [
        new
        {
            sourceEntity = "healthScores",
            records = Enumerable.Range(from, count)
                .Select(i => new { id = $"{prefix}{i}", createdAt = 1_700_000_000_000L, updatedAt = 1_700_000_100_000L, healthScore = i % 100 })
                .ToArray(),
        },
    ];

    public static Task<HttpResponseMessage> IngestAsync(HttpClient client, string entity, object payload, string query = "mode=incremental") =>
        client.PostAsJsonAsync($"v2/ingest/entity/{entity}?{query}", payload);

    public static Task<HttpResponseMessage> IngestRawAsync(HttpClient client, string entity, string body, string query = "mode=incremental") =>
        client.PostAsync($"v2/ingest/entity/{entity}?{query}", new StringContent(body, Encoding.UTF8, "application/json"));

    public static MultipartFormDataContent BulkFile(string json, string fileName = "data.json", string part = "FileData")
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new MultipartFormDataContent { { file, part, fileName } };
    }

    public static async Task<string> SubmitBulkAsync(HttpClient client, string entity, object payload, string query = "mode=incremental")
    {
        var response = await client.PostAsync($"v2/ingest/bulk/entity/{entity}?{query}", BulkFile(JsonSerializer.Serialize(payload)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await ReadJsonAsync(response)).GetProperty("jobId").GetString()!;
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Polls <paramref name="path"/> every 50 ms (at most ~5 s) until <paramref name="done"/>; returns every response seen.</summary>
    public static async Task<List<(HttpStatusCode Status, JsonElement Body)>> PollAsync(HttpClient client, string path, Func<JsonElement, bool> done)
    {
        var seen = new List<(HttpStatusCode, JsonElement)>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var response = await client.GetAsync(path);
            var body = await ReadJsonAsync(response);
            seen.Add((response.StatusCode, body));
            if (done(body))
            {
                return seen;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{path} did not finish: {seen[^1].Item2}");
    }

    public static Task<List<(HttpStatusCode Status, JsonElement Body)>> PollIngestJobAsync(HttpClient client, string jobId) =>
        PollAsync(client, $"v2/ingest/job/{jobId}", body => body.GetProperty("message").GetProperty("status").GetString() is not ("QUEUED" or "IN_PROGRESS"));

    public static Task<List<(HttpStatusCode Status, JsonElement Body)>> PollExportJobAsync(HttpClient client, string jobId) =>
        PollAsync(client, $"v4/export/jobs/{jobId}", body => body.GetProperty("job").GetProperty("status").GetString() != "STARTED");

    /// <summary>The single <c>{errorCode, errorSummary}</c> of an ingestion 400.</summary>
    public static async Task<(string Code, string Summary)> SingleIngestErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await ReadJsonAsync(response)).EnumerateArray());
        return (error.GetProperty("errorCode").GetString()!, error.GetProperty("errorSummary").GetString()!);
    }

    public static async Task<JsonElement> StateAsync(SandboxServer sandbox)
    {
        using var control = sandbox.CreateClient();
        return (await ReadJsonAsync(await control.GetAsync("_state"))).GetProperty("clari");
    }

    public static async Task ResetAsync(SandboxServer sandbox)
    {
        using var control = sandbox.CreateClient();
        (await control.PostAsync("_reset", null)).EnsureSuccessStatusCode();
    }

    public static (long Count, long DistinctIds, long Duplicates) Counts(JsonElement state, string entity)
    {
        var counts = state.GetProperty(entity);
        return (counts.GetProperty("count").GetInt64(), counts.GetProperty("distinctIds").GetInt64(), counts.GetProperty("duplicates").GetInt64());
    }
}
