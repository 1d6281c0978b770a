using System.Net.Http.Json;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Engine;

[Collection(AppCollection.Name)]
public sealed class IncrementalSourceTests(FlowStudioApp app)
{
    [Fact]
    public async Task SearchContactsWithCursorField_SecondRun_ReadsOnlyContactsModifiedSince()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        var source = await client.PostJsonAsync("/api/sources", new
        {
            name = "Contacts " + Guid.NewGuid().ToString("N")[..6],
            credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox"),
            templateId = "clientsuccess.search-contacts",
            cursorField = "modifiedTime",
        }, 201);
        var sourceId = source.GetProperty("id").GetString()!;
        var datasetId = source.GetProperty("datasetId").GetString()!;
        Assert.Equal(1000, (await Flows.RunSourceAsync(client, sourceId)).GetProperty("recordsRead").GetInt64());

        var records = JsonDocument.Parse(await client.GetStringAsync($"/api/datasets/{datasetId}/records?limit=2&offset=500")).RootElement.GetProperty("records");
        var changed = records.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToList();
        using var clientSuccess = new HttpClient { BaseAddress = new Uri(client.BaseAddress!, "/sandbox/clientsuccess/") };
        clientSuccess.DefaultRequestHeaders.Add("X-API-Key", "cs-sandbox-key");
        foreach (var id in changed)
        {
            var patch = await clientSuccess.PatchAsJsonAsync($"v2/contact/{id}", new { title = "Head of Incremental Loads" });
            Assert.True(patch.IsSuccessStatusCode, await patch.Content.ReadAsStringAsync());
        }

        var second = await Flows.RunSourceAsync(client, sourceId);
        Assert.Equal(2, second.GetProperty("recordsRead").GetInt64());
        var dataset = JsonDocument.Parse(await client.GetStringAsync($"/api/datasets/{datasetId}")).RootElement;
        Assert.Equal(1000, dataset.GetProperty("recordCount").GetInt64());
        var updated = JsonDocument.Parse(await client.GetStringAsync($"/api/datasets/{datasetId}/records?limit=1000")).RootElement.GetProperty("records")
            .EnumerateArray().Where(r => r.GetProperty("title").GetString() == "Head of Incremental Loads").Select(r => r.GetProperty("id").GetInt64());
        Assert.Equal(changed.Order(), updated.Order());

        Assert.Equal(0, (await Flows.RunSourceAsync(client, sourceId)).GetProperty("recordsRead").GetInt64());
    }

    [Fact]
    public async Task ManualSourceWithCursorField_SecondRun_ReadsOnlyTheNewPulse()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        var credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox");
        var source = await client.PostJsonAsync("/api/sources", new
        {
            name = "New pulses " + Guid.NewGuid().ToString("N")[..6],
            credentialId,
            manual = new
            {
                method = "GET",
                url = "/v2/pulse/search",
                dataPath = "$.data[*]",
                pagination = new { type = "pageSize", pageParam = "page", sizeParam = "size", size = 100, startPage = 0, lastPath = "$.last" },
                key = "id",
                cursorField = "createdTimestamp",
            },
        }, 201);
        var sourceId = source.GetProperty("id").GetString()!;
        Assert.Equal(300, (await Flows.RunSourceAsync(client, sourceId)).GetProperty("recordsRead").GetInt64());

        using var clientSuccess = new HttpClient { BaseAddress = new Uri(client.BaseAddress!, "/sandbox/clientsuccess/") };
        clientSuccess.DefaultRequestHeaders.Add("X-API-Key", "cs-sandbox-key");
        var datasetId = source.GetProperty("datasetId").GetString()!;
        var clientId = JsonDocument.Parse(await client.GetStringAsync($"/api/datasets/{datasetId}/records?limit=1")).RootElement
            .GetProperty("records")[0].GetProperty("clientId").GetInt64();
        var pulse = await clientSuccess.PostAsJsonAsync("v2/pulse", new { clientId, dispositionType = "HIGH_RISK", note = "Champion left the company" });
        Assert.True(pulse.IsSuccessStatusCode, await pulse.Content.ReadAsStringAsync());

        var second = await Flows.RunSourceAsync(client, sourceId);
        Assert.Equal(1, second.GetProperty("recordsRead").GetInt64());
        Assert.Equal(1, second.GetProperty("requests").GetInt32());
        var dataset = JsonDocument.Parse(await client.GetStringAsync($"/api/datasets/{datasetId}")).RootElement;
        Assert.Equal(301, dataset.GetProperty("recordCount").GetInt64());
    }

    [Fact]
    public async Task CursorMacro_FirstRunSendsTheInitialValue_NextRunSendsTheLargestValueRead()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        var manual = new
        {
            method = "GET",
            url = "/v2/contact/search?modifiedAfter={cursor}",
            dataPath = "$.data[*]",
            pagination = new { type = "pageSize", pageParam = "page", sizeParam = "size", size = 200, startPage = 0, lastPath = "$.last" },
            key = "id",
            cursorField = "modifiedTime",
            cursorStart = "2000-01-01T00:00:00Z",
        };
        var source = await client.PostJsonAsync("/api/sources", new
        {
            name = "Changed contacts " + Guid.NewGuid().ToString("N")[..6],
            credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox"),
            manual,
        }, 201);
        var sourceId = source.GetProperty("id").GetString()!;
        var datasetId = source.GetProperty("datasetId").GetString()!;
        Assert.Equal("modifiedTime", source.GetProperty("cursorField").GetString());
        Assert.Equal(JsonValueKind.Null, source.GetProperty("cursor").ValueKind);

        var test = await client.PostJsonAsync($"/api/sources/{sourceId}/test", new { }, 200);
        Assert.EndsWith("modifiedAfter=2000-01-01T00%3A00%3A00Z&page=0&size=200", test.GetProperty("requests")[0].GetProperty("url").GetString());
        Assert.Equal(1000, (await Flows.RunSourceAsync(client, sourceId)).GetProperty("recordsRead").GetInt64());

        var cursor = JsonDocument.Parse(await client.GetStringAsync($"/api/sources/{sourceId}")).RootElement.GetProperty("cursor").GetString()!;
        var newest = JsonDocument.Parse(await client.GetStringAsync($"/api/datasets/{datasetId}/records?limit=1000")).RootElement.GetProperty("records")
            .EnumerateArray().Select(r => r.GetProperty("modifiedTime").GetString()!).Max(StringComparer.Ordinal);
        Assert.Equal(newest, cursor);
        test = await client.PostJsonAsync($"/api/sources/{sourceId}/test", new { }, 200);
        Assert.Contains("modifiedAfter=" + Uri.EscapeDataString(cursor) + "&", test.GetProperty("requests")[0].GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Empty(test.GetProperty("records").EnumerateArray());

        using var clientSuccess = new HttpClient { BaseAddress = new Uri(client.BaseAddress!, "/sandbox/clientsuccess/") };
        clientSuccess.DefaultRequestHeaders.Add("X-API-Key", "cs-sandbox-key");
        var contactId = JsonDocument.Parse(await client.GetStringAsync($"/api/datasets/{datasetId}/records?limit=1&offset=10")).RootElement
            .GetProperty("records")[0].GetProperty("id").GetInt64();
        var patch = await clientSuccess.PatchAsJsonAsync($"v2/contact/{contactId}", new { title = "Cursor Keeper" });
        Assert.True(patch.IsSuccessStatusCode, await patch.Content.ReadAsStringAsync());

        var second = await Flows.RunSourceAsync(client, sourceId);
        Assert.Equal(1, second.GetProperty("recordsRead").GetInt64());
        Assert.Equal(1, second.GetProperty("requests").GetInt32());
    }

    [Fact]
    public async Task CursorMacroWithoutCursorField_Is400NamingCursorField_AndNothingIsSaved()
    {
        using var client = app.CreateClient();
        var name = "No cursor field " + Guid.NewGuid().ToString("N")[..6];
        var problem = await client.PostJsonAsync("/api/sources", new
        {
            name,
            credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox"),
            manual = new { method = "GET", url = "/v2/contact/search?modifiedAfter={cursor}", dataPath = "$.data[*]" },
        }, 400);

        Assert.Contains("Cursor Field", problem.GetProperty("errors").GetProperty("cursorField")[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(name, await client.GetStringAsync("/api/sources"), StringComparison.Ordinal);
    }
}
