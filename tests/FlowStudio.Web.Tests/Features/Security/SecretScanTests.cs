using System.Text;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Security;

/// <summary>After a whole flow (credentials, source, destination, tests, runs), no secret is in any response, page, log line or database file.</summary>
public sealed class SecretScanTests
{
    private const string ClariKey = "clari-sandbox-key";
    private const string PartnerKey = "clari-sandbox-partner";
    private const string RestToken = "rest-scan-token-7Hq2Lx9Pz";

    [Fact]
    public async Task WholeFlow_NoSecretInResponsesPagesLogsOrDatabase()
    {
        var logs = new LogCollector();
        await using var app = new FlowStudioApp(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" }, logs: logs);
        using var client = app.CreateClient();
        var seen = new StringBuilder();

        async Task<string> GetAsync(string url)
        {
            var text = await client.GetStringAsync(url);
            seen.Append(url).Append('\n').Append(text).Append('\n');
            return text;
        }

        async Task<JsonElement> PostAsync(string url, object body, int status)
        {
            var answer = await client.PostJsonAsync(url, body, status);
            seen.Append(url).Append('\n').Append(answer.ValueKind == JsonValueKind.Undefined ? "" : answer.GetRawText()).Append('\n');
            return answer;
        }

        var clari = (await PostAsync("/api/credentials", new { connector = "clari", name = "Clari scan", fields = new { baseUrl = "/sandbox/clari", apiKey = ClariKey, partnerKey = PartnerKey } }, 201)).GetProperty("id").GetString()!;
        await PostAsync("/api/credentials", new { connector = "rest", name = "REST scan", fields = new { baseUrl = "https://api.example.com", authType = "bearer", token = RestToken } }, 201);
        await PostAsync($"/api/credentials/{clari}/test", new { }, 200);
        await GetAsync("/api/credentials");
        await GetAsync($"/api/credentials/{clari}");

        var datasetId = await Flows.ClariAccountsDatasetAsync(client, 150);
        var destination = await PostAsync("/api/destinations", new
        {
            name = "Scan accounts",
            datasetId,
            credentialId = clari,
            templateId = "clari.ingest-bulk-entities",
            parameters = new Dictionary<string, string> { ["entityType"] = "Account", ["mode"] = "Upsert", ["isLastBatch"] = "false" },
        }, 201);
        var destinationId = destination.GetProperty("id").GetString()!;
        await GetAsync($"/api/destinations/{destinationId}/sample-payloads");
        await PostAsync($"/api/destinations/{destinationId}/test", new { }, 200);
        var run = await Flows.RunDestinationAsync(client, destinationId);
        seen.Append(run.GetRawText());
        await GetAsync($"/api/runs?resourceId={destinationId}");
        await GetAsync($"/api/runs/{run.GetProperty("id").GetString()}/records");
        var status = await PostAsync("/api/sources", new { name = "Limits", credentialId = clari, manual = new { url = "/v4/admin/limits", dataPath = "$" } }, 201);
        await PostAsync($"/api/sources/{status.GetProperty("id").GetString()}/test", new { }, 200);
        foreach (var page in new[] { "/", "/credentials", "/sources", "/destinations", "/runs", $"/destinations/{destinationId}", "/openapi/v1.json" })
        {
            using var response = await client.GetAsync(page);
            seen.Append(page).Append('\n').Append(await response.Content.ReadAsStringAsync()).Append('\n');
        }

        var stored = await app.StoredTextAsync();

        foreach (var secret in new[] { ClariKey, PartnerKey, RestToken })
        {
            Assert.DoesNotContain(secret, seen.ToString(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, stored, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(logs.Lines, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }

        Assert.True(seen.Length > 10_000, "the scan saw too little");
        Assert.NotEmpty(logs.Lines);
    }
}
