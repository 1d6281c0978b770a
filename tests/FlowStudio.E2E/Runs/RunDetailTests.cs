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
            await page.OpenAsync($"/runs/{runId}");

            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Run of Accounts without dates");
            await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Failed");
            await Expect(page.GetByTestId("run-counts").GetByTestId("run-failed")).ToHaveTextAsync("300");
            await Expect(page.GetByTestId("run-error")).ToContainTextAsync("300 records failed");
            await Expect(page.GetByTestId("run-failure-reasons")).ToContainTextAsync("300 records failed, for one reason");
            var failures = page.GetByTestId("run-failures").Locator("tbody tr");
            await Expect(failures).ToHaveCountAsync(25);
            await Expect(failures.First).ToContainTextAsync("400");
            await Expect(failures.First).ToContainTextAsync("createdAt");
            await Expect(page.GetByText("The first 100 of 300 failed records are listed.")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Show all failed records" }).ClickAsync();
            await Expect(page.GetByText("The first 100 of 300 failed records are listed.")).ToHaveCountAsync(0);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                $"The run page scrolls sideways at {width}px.");

            // Retrying writes to the API: it asks first.
            await page.GetByRole(AriaRole.Button, new() { Name = "Retry failed records" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToContainTextAsync("The 300 records that failed are queued again");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Retry failed records" }).ClickAsync();
            var snackbar = page.Locator(".mud-snackbar");
            await Expect(snackbar).ToContainTextAsync("300 failed records are queued again, and a new run is sending them.");
            await snackbar.GetByRole(AriaRole.Link, new() { Name = "Follow the new run" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.EndsWith(runId, StringComparison.Ordinal), new() { Timeout = 30_000 });
            await Expect(page).ToHaveURLAsync(new Regex("/runs/run_[0-9a-z]+$"));
            await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Failed", new() { Timeout = 30_000 });

            await page.OpenAsync($"/runs?resourceId={destinationId}");
            await Expect(page.GetByTestId("runs-chart")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("runs-table").Locator("tbody tr")).ToHaveCountAsync(2);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                $"The runs page scrolls sideways at {width}px.");
            if (width == 1280)
            {
                await Screenshots.SaveAsync(page, "runs");
            }
        }
        finally
        {
            await api.DeleteAllAsync();
        }
    }
}
