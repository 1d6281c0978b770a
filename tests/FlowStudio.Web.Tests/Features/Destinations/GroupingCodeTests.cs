using System.Net;
using System.Net.Http.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Destinations;

/// <summary>Grouping code through the real app: modern JavaScript delivers, hostile code gets a 400 and the app keeps serving.</summary>
[Collection(AppCollection.Name)]
public sealed class GroupingCodeTests(FlowStudioApp app)
{
    [Fact]
    public void Start_InvalidScriptsSetting_FailsNamingTheSetting()
    {
        var error = Assert.ThrowsAny<Exception>(() => new FlowStudioApp(new Dictionary<string, string?> { ["Scripts:TimeoutInterval"] = "00:00:00" }));

        Assert.Contains("TimeoutInterval", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_FiftyThousandNestedParentheses_Returns400NamingTheCodeWhileHealthAnswers()
    {
        using var client = app.CreateClient();
        var datasetId = await Flows.ClariAccountsDatasetAsync(client, 3);
        var code = "function group(records) {\n  return " + new string('(', 50_000) + "records" + new string(')', 50_000) + ";\n}";

        var response = await client.PostAsJsonAsync("/api/destinations", new
        {
            name = "Nested " + Guid.NewGuid().ToString("N")[..6],
            datasetId,
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            manual = new { url = "/v2/ingest/entity/account", batching = new { enabled = true, batchSize = 100, algorithm = "code", code } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("batching.code", problem, StringComparison.Ordinal);
        Assert.Contains("line 2", problem, StringComparison.Ordinal);
        Assert.Contains("nested more than 128 deep", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);
    }

    [Fact]
    public async Task Run_ArrowFunctionGrouping_DeliversEveryRecordToTheSandbox()
    {
        const string code = """
            const group = (records) => [{
              sourceEntity: 'account',
              records: records.map(({ id, name, ...rest }) => ({ id: `cs-${id}`, name: name ?? 'unnamed', createdAt: 1700000000000, updatedAt: 1700000000000 })),
            }];
            """;
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        var datasetId = await Flows.ClientsDatasetAsync(client);
        var destination = await client.PostJsonAsync("/api/destinations", new
        {
            name = "Arrow grouping " + Guid.NewGuid().ToString("N")[..6],
            datasetId,
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            manual = new { method = "POST", url = "/v2/ingest/entity/account", batching = new { enabled = true, batchSize = 100, algorithm = "code", code } },
        }, 201);

        var run = await Flows.RunDestinationAsync(client, destination.GetProperty("id").GetString()!);

        Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
        Assert.Equal(250, run.GetProperty("recordsSent").GetInt64());
        var account = (await Flows.SandboxStateAsync(client)).GetProperty("clari").GetProperty("account");
        Assert.Equal(250, account.GetProperty("count").GetInt32());
    }
}
