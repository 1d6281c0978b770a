using System.Net.Http.Json;
using System.Text.Json;
using FlowStudio.E2E.Destinations;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E.Runs;

[Collection(BrowserCollection.Name)]
public sealed class RunProgressTests(BrowserApp app)
{
    [Fact]
    public async Task RunsPage_SlowApi_ShowsLiveProgressOnlyWhileTheRunIsRunning()
    {
        using var api = new DestinationApi(app.Server.BaseAddress);
        using var client = app.Server.CreateApiClient();
        var (_, datasetId) = await api.PulsesDatasetAsync();
        var created = await client.PostAsJsonAsync("/api/destinations", new
        {
            name = "Slow accounts",
            datasetId,
            credentialId = await api.CredentialIdAsync("Clari Sandbox"),
            manual = new
            {
                url = "/v2/ingest/entity/account?mode=incremental",
                batching = new { enabled = true, batchSize = 25, algorithm = "code", code = DestinationAdvancedFlowTests.PulsesToAccounts },
            },
        });
        created.EnsureSuccessStatusCode();
        var destinationId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        (await client.PostAsJsonAsync("/sandbox/_faults", new { latencyMs = 400 })).EnsureSuccessStatusCode();
        var page = await app.NewPageAsync();
        try
        {
            await page.GotoAsync($"/destinations/{destinationId}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Actions" }).ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Run now" }).ClickAsync();
            await Expect(page.GetByTestId("destination-message")).ToContainTextAsync("Run started");

            var progress = page.GetByTestId("run-progress");
            await Expect(progress).ToBeVisibleAsync();
            var bar = progress.GetByRole(AriaRole.Progressbar);
            await Expect(bar).ToHaveAttributeAsync("aria-valuetext", new System.Text.RegularExpressions.Regex(@"^[\d,]+ of 300 records$"));
            await Expect(progress.GetByTestId("progress-sent")).Not.ToHaveTextAsync("0", new() { Timeout = 10_000 });
            await Expect(progress.GetByTestId("progress-rate")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+\.\d records/s$"));
            await Expect(page.Locator("#run-history")).ToHaveAttributeAsync("hx-trigger", "every 1s");

            await Expect(progress).ToHaveCountAsync(0, new() { Timeout = 30_000 });
            var latest = page.GetByTestId("runs-table").Locator("tbody tr").First;
            await Expect(latest.GetByTestId("run-sent")).ToHaveTextAsync("300");
            await Expect(page.Locator("#run-history")).Not.ToHaveAttributeAsync("hx-trigger", "every 1s");
            await Expect(page.GetByTestId("count-sent")).ToHaveTextAsync("300");
        }
        finally
        {
            (await client.PostAsJsonAsync("/sandbox/_faults", new { })).EnsureSuccessStatusCode();
            await api.DeleteAllAsync();
        }
    }
}
