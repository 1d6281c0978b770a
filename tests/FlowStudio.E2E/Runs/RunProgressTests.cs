using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FlowStudio.E2E.Destinations;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E.Runs;

[Collection(BrowserCollection.Name)]
public sealed class RunProgressTests(BrowserApp app)
{
    [Fact]
    public async Task RunsPage_RunStartedElsewhere_ProgressArrivesWithoutReloadOrPolling()
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
            await page.OpenAsync($"/runs?resourceId={destinationId}");
            await Expect(page.GetByText("No runs yet")).ToBeVisibleAsync();
            // From here on the page may only hear from the server over its circuit: no request, no reload.
            await page.EvaluateAsync("() => window.sameDocument = true");
            var requests = new List<string>();
            page.Request += (_, request) => requests.Add($"{request.Method} {request.Url}");

            (await client.PostAsync($"/api/destinations/{destinationId}/run", null)).EnsureSuccessStatusCode();

            var progress = page.GetByTestId("run-progress");
            await Expect(progress).ToBeVisibleAsync();
            await Expect(progress.GetByRole(AriaRole.Progressbar)).ToHaveAttributeAsync("aria-valuetext", new Regex(@"^[\d,]+ of 300 records$"));
            var sent = progress.GetByTestId("progress-sent");
            await Expect(sent).Not.ToHaveTextAsync("0", new() { Timeout = 10_000 });
            var first = await sent.TextContentAsync();
            await Expect(sent).Not.ToHaveTextAsync(first!, new() { Timeout = 10_000 });
            await Expect(progress.GetByTestId("progress-rate")).ToHaveTextAsync(new Regex(@"^\d+\.\d records/s$"));

            await Expect(progress).ToHaveCountAsync(0, new() { Timeout = 30_000 });
            var latest = page.GetByTestId("runs-table").Locator("tbody tr").First;
            await Expect(latest.GetByTestId("run-sent")).ToHaveTextAsync("300");
            await Expect(latest).ToContainTextAsync("Succeeded");
            await Expect(page.GetByTestId("runs-chart")).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "The page reloaded.");
            Assert.Empty(requests);
        }
        finally
        {
            (await client.PostAsJsonAsync("/sandbox/_faults", new { })).EnsureSuccessStatusCode();
            await api.DeleteAllAsync();
        }
    }
}
