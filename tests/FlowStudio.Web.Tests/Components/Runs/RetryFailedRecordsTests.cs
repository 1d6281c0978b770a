using System.Text.Json;
using Bunit;
using FlowStudio.Web.Features.Runs;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Components.Runs;

[Collection(AppCollection.Name)]
public sealed class RetryFailedRecordsTests(FlowStudioApp app) : ComponentTest(app)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    /// <summary>Clari rejects accounts without createdAt, so every batch fails with the API's validation error.</summary>
    private const string AccountsWithoutDates =
        "function group(records) { return [{ sourceEntity: 'account', records: records.map(function (r) { return { id: 'p-' + r.id }; }) }]; }";

    [Fact]
    public async Task RetryFailedRecords_AsksFirst_CancelChangesNothing_ConfirmQueuesThemAndStartsARun()
    {
        using var client = App.CreateClient();
        var destination = await client.PostJsonAsync("/api/destinations", new
        {
            name = "Accounts without dates " + Guid.NewGuid().ToString("N")[..6],
            datasetId = await Flows.ClariAccountsDatasetAsync(client, 10),
            credentialId = await client.CredentialIdAsync("Clari Sandbox"),
            manual = new
            {
                url = "/v2/ingest/entity/account?mode=incremental",
                batching = new { enabled = true, batchSize = 100, algorithm = "code", code = AccountsWithoutDates },
            },
        }, 201);
        var destinationId = destination.GetProperty("id").GetString()!;
        var failed = await Flows.RunDestinationAsync(client, destinationId);
        var runId = failed.GetProperty("id").GetString()!;
        Assert.Equal(10, failed.GetProperty("recordsFailed").GetInt64());

        var page = RenderWithProviders<RunDetailPage>(p => p.Add(x => x.Id, runId));
        page.WaitForAssertion(() => Assert.Contains("10 records failed, for one reason", page.Find("[data-testid=run-failure-reasons]").TextContent,
            StringComparison.Ordinal), Wait);
        Assert.Equal(10, page.FindAll("[data-testid=run-failures] tbody tr").Count);
        Assert.Contains("createdAt", page.Find("[data-testid=run-failures] tbody tr").TextContent, StringComparison.Ordinal);

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Retry failed records").Click();
        Providers.WaitForAssertion(() => Assert.Contains("Retry failed records?", Providers.Markup, StringComparison.Ordinal), Wait);
        Assert.Contains("The 10 records that failed are queued again", Providers.Markup, StringComparison.Ordinal);
        Providers.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        Providers.WaitForAssertion(() => Assert.DoesNotContain("Retry failed records?", Providers.Markup, StringComparison.Ordinal), Wait);
        Assert.Single(await RunsOfAsync(client, destinationId));
        Assert.All(await FailedRecordsAsync(client, runId), r => Assert.Equal(1, r.GetProperty("attempts").GetInt32()));

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Retry failed records").Click();
        Providers.WaitForAssertion(() => Assert.Contains("Retry failed records?", Providers.Markup, StringComparison.Ordinal), Wait);
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Retry failed records").Click();

        Providers.WaitForAssertion(() => Assert.Contains("10 failed records are queued again, and a new run is sending them.", Providers.Markup,
            StringComparison.Ordinal), Wait);
        Assert.Contains("Follow the new run", Providers.Markup, StringComparison.Ordinal);
        var runs = await RunsOfAsync(client, destinationId);
        Assert.Equal(2, runs.Count);
        await client.WaitForRunAsync(runs[0].GetProperty("id").GetString()!);
    }

    private static async Task<List<JsonElement>> RunsOfAsync(HttpClient client, string destinationId) =>
        [.. JsonDocument.Parse(await client.GetStringAsync($"/api/runs?resourceId={destinationId}")).RootElement.EnumerateArray().Select(r => r.Clone())];

    private static async Task<List<JsonElement>> FailedRecordsAsync(HttpClient client, string runId) =>
        [.. JsonDocument.Parse(await client.GetStringAsync($"/api/runs/{runId}/records?outcome=failed")).RootElement.EnumerateArray().Select(r => r.Clone())];
}
