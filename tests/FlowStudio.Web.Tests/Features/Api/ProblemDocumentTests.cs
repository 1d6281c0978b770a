using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Api;

/// <summary>Problem documents say the HTTP status they came with, and out-of-range numbers are named, not wrapped around.</summary>
[Collection(AppCollection.Name)]
public sealed class ProblemDocumentTests(FlowStudioApp app)
{
    [Fact]
    public async Task SourceTest_ApiRefuses_ProblemStatusIs422AndTheApisOwnStatusIsApiStatus()
    {
        using var client = app.CreateClient();
        var credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox");

        var problem = await client.PostJsonAsync("/api/sources/test", new { name = "t", credentialId, manual = new { url = "/v2/no-such-endpoint", dataPath = "$[*]" } }, 422);

        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        Assert.InRange(problem.GetProperty("apiStatus").GetInt32(), 400, 421);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public async Task SendTestData_IndexOutOfRange_NamesTheIndexAndItsRange(int index)
    {
        using var client = app.CreateClient();
        var destination = await client.PostJsonAsync("/api/destinations", new
        {
            name = "Index " + Guid.NewGuid().ToString("N")[..6],
            datasetId = await Flows.ClariAccountsDatasetAsync(client, 3),
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            templateId = "clari.upload-entity-data",
            parameters = new Dictionary<string, string> { ["entityType"] = "account" },
        }, 201);

        var problem = await client.PostJsonAsync($"/api/destinations/{destination.GetProperty("id").GetString()}/test", new { index }, 422);

        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("index must be between 0 (the first sample payload) and 0", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("-", detail.Replace("index", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"clients": -1}""", "clients must be between 0")]
    [InlineData("""{"contacts": 2000000}""", "contacts must be between 0")]
    [InlineData("""{"clients": 0, "contacts": 5}""", "at least one client")]
    public async Task SandboxReset_CountsOutOfRange_Is400AndKeepsTheData(string body, string message)
    {
        using var client = app.CreateClient();
        var before = (await Flows.SandboxStateAsync(client)).ToString();

        using var response = await client.PostAsync("/sandbox/_reset", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, (await Flows.SandboxStateAsync(client)).ToString());
    }
}
