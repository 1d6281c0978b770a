using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Destinations;

[Collection(AppCollection.Name)]
public sealed class DestinationsApiTests(FlowStudioApp app)
{
    private const string ClientsToAccounts = """
        function group(records) {
          return [{
            sourceEntity: 'account',
            records: records.map(function (c) {
              return { id: 'cs-' + c.id, name: c.name, createdAt: 1700000000000, updatedAt: 1700000000000 };
            })
          }];
        }
        """;

    [Fact]
    public async Task SamplePayloads_PropertyGrouping_Gives100_100_50AndExcludesAttributes()
    {
        using var client = app.CreateClient();
        var datasetId = await Flows.ClientsDatasetAsync(client);
        var credentialId = await client.CredentialIdAsync("Clari Sandbox");

        var payloads = await client.PostJsonAsync("/api/destinations/sample-payloads", new
        {
            name = "Preview",
            datasetId,
            credentialId,
            manual = new
            {
                method = "POST",
                contentFormat = "json",
                url = "/v2/ingest/entity/account?mode=incremental",
                headers = new { },
                excludeAttributes = new[] { "siteUrl" },
                batching = new { enabled = true, batchSize = 100, algorithm = "property", propertyName = "records", otherProps = new { sourceEntity = "account" } },
            },
        }, 200);

        var bodies = payloads.EnumerateArray().Select(p => JsonDocument.Parse(p.GetProperty("body").GetString()!).RootElement).ToList();
        Assert.Equal([100, 100, 50], bodies.Select(b => b.GetProperty("records").GetArrayLength()));
        Assert.All(bodies, b => Assert.Equal("account", b.GetProperty("sourceEntity").GetString()));
        Assert.All(bodies.SelectMany(b => b.GetProperty("records").EnumerateArray()), r => Assert.False(r.TryGetProperty("siteUrl", out _)));
        Assert.All(bodies.SelectMany(b => b.GetProperty("records").EnumerateArray()), r => Assert.True(r.TryGetProperty("name", out _)));
    }

    [Fact]
    public async Task SamplePayloads_EndlessGroupScript_Returns400NamingTheCode()
    {
        using var client = app.CreateClient();
        var datasetId = await Flows.ClientsDatasetAsync(client);
        var credentialId = await client.CredentialIdAsync("Clari Sandbox");

        var response = await client.PostAsJsonAsync("/api/destinations/sample-payloads", new
        {
            name = "Loop",
            datasetId,
            credentialId,
            manual = new
            {
                url = "/v2/ingest/entity/account",
                batching = new { enabled = true, batchSize = 100, algorithm = "code", code = "function group(records) {\n  while (true) {}\n}" },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("batching.code", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_OtherPropsNotJson_Returns400AndStoresNothing()
    {
        using var client = app.CreateClient();
        var datasetId = await Flows.ClientsDatasetAsync(client);
        var credentialId = await client.CredentialIdAsync("Clari Sandbox");
        var name = "Bad props " + Guid.NewGuid().ToString("N")[..6];

        var response = await client.PostAsJsonAsync("/api/destinations", new
        {
            name,
            datasetId,
            credentialId,
            manual = new { url = "/v2/ingest/entity/account", batching = new { enabled = true, algorithm = "property", propertyName = "records", otherProps = "{sourceEntity:" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("batching.otherProps", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(name, await client.GetStringAsync("/api/destinations"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodeGrouping_UnderFaults_DeliversAll250WithoutDuplicates()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        var datasetId = await Flows.ClientsDatasetAsync(client);
        var destination = await client.PostJsonAsync("/api/destinations", new
        {
            name = "Clients to Clari accounts",
            datasetId,
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            manual = new
            {
                method = "POST",
                url = "/v2/ingest/entity/account?mode=incremental&isLastBatch=false",
                batching = new { enabled = true, batchSize = 100, algorithm = "code", code = ClientsToAccounts },
            },
        }, 201);

        await client.PostJsonAsync("/sandbox/_faults", new { rate429 = 0.2, retryAfterSeconds = 1, rate5xx = 0.1 }, 200);
        try
        {
            var run = await Flows.RunDestinationAsync(client, destination.GetProperty("id").GetString()!, TimeSpan.FromSeconds(90));
            Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
            Assert.Equal(250, run.GetProperty("recordsSent").GetInt64());
        }
        finally
        {
            await client.PostJsonAsync("/sandbox/_faults", new { }, 200);
        }

        var account = (await Flows.SandboxStateAsync(client)).GetProperty("clari").GetProperty("account");
        Assert.Equal(250, account.GetProperty("count").GetInt32());
        Assert.Equal(0, account.GetProperty("duplicates").GetInt32());
    }

    [Fact]
    public async Task Run_Twice_SendsOnlyUndeliveredRecords()
    {
        using var client = app.CreateClient();
        var datasetId = await Flows.ClientsDatasetAsync(client);
        var destination = await client.PostJsonAsync("/api/destinations", new
        {
            name = "Once only",
            datasetId,
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            manual = new { url = "/v2/ingest/entity/opportunity", batching = new { enabled = true, batchSize = 100, algorithm = "code", code = ClientsToAccounts } },
        }, 201);
        var id = destination.GetProperty("id").GetString()!;

        Assert.Equal(250, (await Flows.RunDestinationAsync(client, id)).GetProperty("recordsSent").GetInt64());
        var second = await Flows.RunDestinationAsync(client, id);
        Assert.Equal(0, second.GetProperty("recordsRead").GetInt64());
        Assert.Equal(0, second.GetProperty("requests").GetInt32());
    }

    [Fact]
    public async Task SendTestData_EditedPayload_ShowsSandboxResponseAndRecordsNothing()
    {
        using var client = app.CreateClient();
        var datasetId = await Flows.ClientsDatasetAsync(client);
        var destination = await client.PostJsonAsync("/api/destinations", new
        {
            name = "Test data",
            datasetId,
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            manual = new { url = "/v2/ingest/entity/account", batching = new { enabled = true, batchSize = 10, algorithm = "code", code = ClientsToAccounts } },
        }, 201);
        var id = destination.GetProperty("id").GetString()!;

        var bad = await client.PostJsonAsync($"/api/destinations/{id}/test", new { payload = "{\"not\":\"an array\"}" }, 200);
        Assert.Equal(400, bad.GetProperty("status").GetInt32());
        Assert.Contains("Payload is not an array", bad.GetProperty("responseBody").GetString(), StringComparison.Ordinal);

        var good = await client.PostJsonAsync($"/api/destinations/{id}/test", new { }, 200);
        Assert.Equal(200, good.GetProperty("status").GetInt32());

        var runs = await client.GetStringAsync($"/api/runs?resourceId={id}");
        Assert.Equal("[]", runs);
    }

    [Fact]
    public async Task DeleteContactTemplate_RemovesContactsFromSandbox()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        var credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox");
        var contacts = await client.PostJsonAsync("/api/sources", new
        {
            name = "Some contacts",
            credentialId,
            manual = new { url = "/v2/contact/search?size=5", dataPath = "$.data[*]" },
        }, 201);
        await Flows.RunSourceAsync(client, contacts.GetProperty("id").GetString()!);

        var destination = await client.PostJsonAsync("/api/destinations", new
        {
            name = "Delete them",
            datasetId = contacts.GetProperty("datasetId").GetString(),
            credentialId,
            templateId = "clientsuccess.delete-contact",
            parameters = new Dictionary<string, string> { ["contactId"] = "uuid" },
        }, 201);
        var run = await Flows.RunDestinationAsync(client, destination.GetProperty("id").GetString()!);
        Assert.Equal(5, run.GetProperty("recordsSent").GetInt64());

        var state = await Flows.SandboxStateAsync(client);
        Assert.Equal(995, state.GetProperty("clientsuccess").GetProperty("contacts").GetInt32());
    }

    [Fact]
    public async Task ResponseWebhook_ChainsClariBulkJobToItsStatus()
    {
        using var client = app.CreateClient();
        var datasetId = await Flows.ClariAccountsDatasetAsync(client, 250);
        var clari = await client.CredentialIdAsync("Clari Sandbox");
        var destination = await client.PostJsonAsync("/api/destinations", new
        {
            name = "Bulk accounts",
            datasetId,
            credentialId = clari,
            templateId = "clari.ingest-bulk-entities",
            parameters = new Dictionary<string, string> { ["entityType"] = "Account", ["mode"] = "Upsert", ["isLastBatch"] = "false" },
            excludeAttributes = new[] { "name" },
            responseWebhook = true,
        }, 201);
        var responseSourceId = destination.GetProperty("responseSourceId").GetString()!;
        Assert.Equal(250, (await Flows.RunDestinationAsync(client, destination.GetProperty("id").GetString()!)).GetProperty("recordsSent").GetInt64());

        var responseSource = JsonDocument.Parse(await client.GetStringAsync($"/api/sources/{responseSourceId}")).RootElement;
        var responseDataset = responseSource.GetProperty("datasetId").GetString()!;
        var responses = JsonDocument.Parse(await client.GetStringAsync($"/api/datasets/{responseDataset}/records")).RootElement;
        Assert.Equal(3, responses.GetProperty("total").GetInt64());
        Assert.All(responses.GetProperty("records").EnumerateArray(), r => Assert.Equal(202, r.GetProperty("status").GetInt32()));

        var lookup = await client.PostJsonAsync("/api/lookups", new { name = "jobs" + Guid.NewGuid().ToString("N")[..4], datasetId = responseDataset, keyColumn = "jobId" }, 201);
        await Task.Delay(700);
        var status = await client.PostJsonAsync("/api/sources", new
        {
            name = "Job status",
            credentialId = clari,
            manual = new { url = $"/v2/ingest/job/{{{lookup.GetProperty("name").GetString()}.jobId}}", dataPath = "$.message", lookupIds = new[] { lookup.GetProperty("id").GetString() } },
        }, 201);
        var run = await Flows.RunSourceAsync(client, status.GetProperty("id").GetString()!);
        Assert.Equal(3, run.GetProperty("requests").GetInt32());
        var statuses = JsonDocument.Parse(await client.GetStringAsync($"/api/datasets/{status.GetProperty("datasetId").GetString()}/records")).RootElement;
        Assert.All(statuses.GetProperty("records").EnumerateArray(), r => Assert.Equal("SUCCESS", r.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Update_BatchSize_ChangesTheSamplePayloads()
    {
        using var client = app.CreateClient();
        var datasetId = await Flows.ClariAccountsDatasetAsync(client, 120);
        var credentialId = await client.CredentialIdAsync("Clari Sandbox");
        object Body(int size) => new
        {
            name = "Resized",
            datasetId,
            credentialId,
            manual = new { url = "/v2/ingest/entity/account", batching = new { enabled = true, batchSize = size, algorithm = "property", propertyName = "records" } },
        };
        var destination = await client.PostJsonAsync("/api/destinations", Body(100), 201);
        var id = destination.GetProperty("id").GetString()!;

        var updated = await client.PutAsJsonAsync($"/api/destinations/{id}", Body(50));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var payloads = JsonDocument.Parse(await client.GetStringAsync($"/api/destinations/{id}/sample-payloads")).RootElement;
        Assert.Equal([50, 50, 20], payloads.EnumerateArray().Select(p => p.GetProperty("recordCount").GetInt32()));
    }

    [Fact]
    public async Task Update_SettingLeftOut_IsResetNotKept()
    {
        using var client = app.CreateClient();
        var datasetId = await Flows.ClariAccountsDatasetAsync(client, 12);
        var credentialId = await client.CredentialIdAsync("Clari Sandbox");
        object Body(string[]? excluded) => new
        {
            name = "Replaced",
            datasetId,
            credentialId,
            templateId = "clari.upload-entity-data",
            parameters = new Dictionary<string, string> { ["entityType"] = "Account" },
            excludeAttributes = excluded,
        };
        var id = (await client.PostJsonAsync("/api/destinations", Body(["name"]), 201)).GetProperty("id").GetString()!;
        var saved = JsonDocument.Parse(await client.GetStringAsync($"/api/destinations/{id}")).RootElement;
        Assert.Equal(["name"], saved.GetProperty("excludeAttributes").EnumerateArray().Select(a => a.GetString()));

        var updated = await client.PutAsJsonAsync($"/api/destinations/{id}", Body(null));

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        saved = JsonDocument.Parse(await client.GetStringAsync($"/api/destinations/{id}")).RootElement;
        Assert.Equal(0, saved.GetProperty("excludeAttributes").GetArrayLength());
        var payload = JsonDocument.Parse(await client.GetStringAsync($"/api/destinations/{id}/sample-payloads")).RootElement[0];
        Assert.Contains("\"name\"", payload.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithoutName_IsNamedAfterItsEndpoint()
    {
        using var client = app.CreateClient();
        var created = await client.PostJsonAsync("/api/destinations", new
        {
            datasetId = await Flows.ClariAccountsDatasetAsync(client, 3),
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            templateId = "clari.ingest-bulk-entities",
            parameters = new Dictionary<string, string> { ["entityType"] = "Account" },
        }, 201);

        Assert.Equal("Clari Ingest Bulk Entities", created.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Create_EverythingWrong_ListsEveryProblemAtOnceInPlainWords()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/destinations", new
        {
            name = "Wrong",
            datasetId = await Flows.ClariAccountsDatasetAsync(client, 3),
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            manual = new
            {
                headers = new Dictionary<string, string> { ["Bad Header"] = "x" },
                batching = new { enabled = true, batchSize = 0, algorithm = "property", otherProps = "{sourceEntity:" },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("/v2/ingest/entity/account", errors.GetProperty("url")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("headers", out _));
        Assert.True(errors.TryGetProperty("batching.batchSize", out _));
        Assert.True(errors.TryGetProperty("batching.propertyName", out _));
        var otherProps = errors.GetProperty("batching.otherProps")[0].GetString()!;
        Assert.Contains("line 1", otherProps, StringComparison.Ordinal);
        Assert.DoesNotContain("Path", otherProps, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetryFailed_NothingFailed_RequeuesNothingAndStartsNoRun()
    {
        using var client = app.CreateClient();
        var created = await client.PostJsonAsync("/api/destinations", new
        {
            name = "Nothing failed",
            datasetId = await Flows.ClariAccountsDatasetAsync(client, 3),
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            templateId = "clari.upload-entity-data",
            parameters = new Dictionary<string, string> { ["entityType"] = "Account" },
        }, 201);
        var id = created.GetProperty("id").GetString()!;

        var retried = await client.PostJsonAsync($"/api/destinations/{id}/retry-failed", new { }, 200);

        Assert.Equal(0, retried.GetProperty("requeued").GetInt32());
        Assert.Equal(JsonValueKind.Null, retried.GetProperty("runId").ValueKind);
        Assert.Equal("[]", await client.GetStringAsync($"/api/runs?resourceId={id}"));
    }
}
