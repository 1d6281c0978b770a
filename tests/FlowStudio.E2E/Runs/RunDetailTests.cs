using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FlowStudio.E2E.Destinations;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E.Runs;

[Collection(BrowserCollection.Name)]
public sealed class RunDetailTests(BrowserApp app)
{
    /// <summary>Clari rejects accounts without createdAt, so every batch fails with the API's validation error.</summary>
    private const string AccountsWithoutDates =
        "function group(records) { return [{ sourceEntity: 'account', records: records.map(function (r) { return { id: 'p-' + r.id }; }) }]; }";

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task RunDetail_RecordsRejectedByTheApi_ListsEachWithTheResponseAndRetries(int width)
    {
        using var api = new DestinationApi(app.Server.BaseAddress);
        using var client = app.Server.CreateApiClient();
        var (_, datasetId) = await api.PulsesDatasetAsync();
        var created = await client.PostAsJsonAsync("/api/destinations", new
        {
            name = "Accounts without dates",
            datasetId,
            credentialId = await api.CredentialIdAsync("Clari Sandbox"),
            manual = new
            {
                url = "/v2/ingest/entity/account?mode=incremental",
                batching = new { enabled = true, batchSize = 100, algorithm = "code", code = AccountsWithoutDates },
            },
        });
        created.EnsureSuccessStatusCode();
        var destinationId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        var started = await client.PostAsync($"/api/destinations/{destinationId}/run", null);
        var runId = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("runId").GetString()!;
        await api.WaitForRunAsync(runId, TimeSpan.FromSeconds(30));
        var page = await app.NewPageAsync(width, 844);
        try
        {
            await page.GotoAsync($"/runs/{runId}");

            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Run of Accounts without dates");
            await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Failed");
            await Expect(page.GetByTestId("run-counts").GetByTestId("run-failed")).ToHaveTextAsync("300");
            await Expect(page.GetByTestId("run-error")).ToContainTextAsync("300 records failed");
            var failures = page.GetByTestId("run-failures").Locator("tbody tr");
            await Expect(failures).ToHaveCountAsync(100);
            await Expect(failures.First).ToContainTextAsync("400");
            await Expect(failures.First).ToContainTextAsync("createdAt");
            await Expect(page.GetByTestId("run-failure-reasons")).ToContainTextAsync("300 records failed");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                $"The run page scrolls sideways at {width}px.");

            await page.GetByRole(AriaRole.Button, new() { Name = "Retry failed records" }).ClickAsync();
            await Expect(page.GetByTestId("run-message")).ToContainTextAsync("300 failed records are queued again");
            await page.GetByRole(AriaRole.Link, new() { Name = "Follow the new run" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/runs/run_[0-9a-z]+$"));
            Assert.NotEqual(runId, page.Url.Split('/')[^1]);
            await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Failed", new() { Timeout = 30_000 });

            await page.GotoAsync($"/runs?resourceId={destinationId}");
            await Expect(page.GetByTestId("runs-chart")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("runs-table").Locator("tbody tr")).ToHaveCountAsync(2);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                $"The runs page scrolls sideways at {width}px.");
        }
        finally
        {
            await api.DeleteAllAsync();
        }
    }
}
