using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Destinations;

[Collection(AppCollection.Name)]
public sealed class DryRunApiTests(FlowStudioApp app)
{
    [Fact]
    public async Task DryRun_ClientSuccessUpsert_ReportsCreatedUpdatedUnchangedAndTheSandboxGetsOnlyGets()
    {
        using var client = app.CreateClient();
        var existing = await ContactsAsync(client, 2);
        var unchanged = Contact(existing[0], existing[0]["firstName"]?.GetValue<string>());
        var updated = Contact(existing[1], "Renamed " + Guid.NewGuid().ToString("N")[..6]);
        var created = Contact(existing[0], "New", $"new-{Guid.NewGuid():N}@example.test");
        var noClient = new JsonObject { ["email"] = $"orphan-{Guid.NewGuid():N}@example.test", ["firstName"] = "Orphan" };
        var datasetId = await Flows.WebhookDatasetAsync(client, "Contacts", new[] { unchanged, updated, created, noClient });
        var destination = await client.PostJsonAsync("/api/destinations", new
        {
            name = "Upsert contacts",
            datasetId,
            credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox"),
            sync = new { objectType = "Contact", mode = "Upsert" },
        }, 201);
        var id = destination.GetProperty("id").GetString()!;
        var before = await RequestsAsync(client, 0);
        var stateBefore = await Flows.SandboxStateAsync(client);
        var after = before.Count == 0 ? 0 : before[^1].GetProperty("seq").GetInt64();

        var report = await client.PostJsonAsync($"/api/destinations/{id}/dry-run", new { }, 200);

        Assert.Equal(4, report.GetProperty("pending").GetInt64());
        Assert.Equal(3, report.GetProperty("requests").GetInt64());
        Assert.Equal(3, report.GetProperty("lookups").GetInt32());
        var counts = report.GetProperty("counts");
        Assert.Equal((1, 1, 1, 1, 0), (counts.GetProperty("created").GetInt32(), counts.GetProperty("updated").GetInt32(),
            counts.GetProperty("unchanged").GetInt32(), counts.GetProperty("rejected").GetInt32(), counts.GetProperty("unknown").GetInt32()));
        var samples = report.GetProperty("samples").EnumerateArray().ToList();
        var change = Assert.Single(Assert.Single(samples, s => s.GetProperty("outcome").GetString() == "updated").GetProperty("changes").EnumerateArray());
        Assert.Equal("firstName", change.GetProperty("field").GetString());
        Assert.Equal(JsonSerializer.Serialize(existing[1]["firstName"]!.GetValue<string>()), change.GetProperty("old").GetString());
        Assert.Equal(JsonSerializer.Serialize(updated["firstName"]!.GetValue<string>()), change.GetProperty("new").GetString());
        Assert.Contains("clientId", Assert.Single(samples, s => s.GetProperty("outcome").GetString() == "rejected").GetProperty("reason").GetString(), StringComparison.Ordinal);
        var preview = report.GetProperty("preview")[0];
        Assert.Equal("POST", preview.GetProperty("method").GetString());
        Assert.EndsWith("/v2/contact/upsert", preview.GetProperty("url").GetString(), StringComparison.Ordinal);

        var received = (await RequestsAsync(client, after)).Where(r => r.GetProperty("path").GetString()!.StartsWith("/sandbox/clientsuccess/v2/contact", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, received.Count);
        Assert.All(received, r => Assert.Equal("GET", r.GetProperty("method").GetString()));
        Assert.Equal(stateBefore.GetProperty("clientsuccess").GetProperty("contacts").GetInt32(),
            (await Flows.SandboxStateAsync(client)).GetProperty("clientsuccess").GetProperty("contacts").GetInt32());
        Assert.Equal(existing[1]["firstName"]!.GetValue<string>(), (await ContactsAsync(client, 2))[1]["firstName"]!.GetValue<string>());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/runs?resourceId={id}")).EnumerateArray());
        var again = await client.PostJsonAsync($"/api/destinations/{id}/dry-run", new { }, 200);
        Assert.Equal(4, again.GetProperty("pending").GetInt64());
    }

    [Fact]
    public async Task DryRun_InsertOnlyTemplate_ReportsEveryRecordCreatedWithoutLookups()
    {
        using var client = app.CreateClient();
        var datasetId = await Flows.ClientsDatasetAsync(client);
        var destination = await client.PostJsonAsync("/api/destinations", new
        {
            name = "Bulk clients",
            datasetId,
            credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox"),
            templateId = "clientsuccess.bulk-create-clients",
        }, 201);

        var report = await client.PostJsonAsync($"/api/destinations/{destination.GetProperty("id").GetString()}/dry-run", new { }, 200);

        Assert.Equal(250, report.GetProperty("counts").GetProperty("created").GetInt32());
        Assert.Equal(3, report.GetProperty("requests").GetInt64());
        Assert.Equal(0, report.GetProperty("lookups").GetInt32());
    }

    [Fact]
    public async Task DryRun_UnknownDestination_Returns404()
    {
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/destinations/dst_missing/dry-run", new { });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static JsonObject Contact(JsonObject remote, string? firstName, string? email = null) => new()
    {
        ["clientId"] = remote["clientId"]?.DeepClone(),
        ["email"] = email ?? remote["email"]?.DeepClone(),
        ["firstName"] = firstName,
        ["lastName"] = remote["lastName"]?.DeepClone(),
    };

    private static async Task<List<JsonObject>> ContactsAsync(HttpClient client, int count)
    {
        using var sandbox = new HttpClient { BaseAddress = client.BaseAddress };
        sandbox.DefaultRequestHeaders.Add("X-API-Key", "cs-sandbox-key");
        var page = JsonNode.Parse(await sandbox.GetStringAsync($"/sandbox/clientsuccess/v2/contact/search?page=0&size={count}"))!;
        return [.. page["data"]!.AsArray().Select(c => c!.AsObject())];
    }

    private static async Task<List<JsonElement>> RequestsAsync(HttpClient client, long after) =>
        [.. JsonDocument.Parse(await client.GetStringAsync($"/sandbox/_requests?after={after}")).RootElement.Clone().EnumerateArray()];
}
