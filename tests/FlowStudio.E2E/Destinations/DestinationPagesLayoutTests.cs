using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E.Destinations;

[Collection(BrowserCollection.Name)]
public sealed class DestinationPagesLayoutTests(BrowserApp app)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task DestinationPages_PhoneAndDesktop_NothingScrollsSideways(int width)
    {
        using var api = new DestinationApi(app.Server.BaseAddress);
        using var client = app.Server.CreateApiClient();
        var (_, datasetId) = await api.PulsesDatasetAsync();
        var credentialId = await api.CredentialIdAsync("Clari Sandbox");
        var created = await client.PostAsJsonAsync("/api/destinations", new
        {
            name = "Pulses as Clari accounts, a name long enough to wrap on a phone",
            datasetId,
            credentialId,
            manual = new
            {
                url = "/v2/ingest/entity/account?mode=incremental&isLastBatch=false",
                excludeAttributes = new[] { "note", "nextSteps" },
                batching = new { enabled = true, batchSize = 100, algorithm = "code", code = DestinationAdvancedFlowTests.PulsesToAccounts },
            },
        });
        created.EnsureSuccessStatusCode();
        var destinationId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        var page = await app.NewPageAsync(width, 844);
        try
        {
            await page.OpenAsync($"/destinations/new?datasetId={datasetId}&connector=clari&credentialId={credentialId}");
            await page.GetByRole(AriaRole.Tab, new() { Name = "Advanced" }).ClickAsync();
            await page.GetByLabel("URL", new() { Exact = true }).FillAsync("/v2/ingest/entity/account?mode=incremental");
            await MudSelect.ChooseManyAsync(page, "Exclude Attributes", "note", "reasonCodes");
            var chips = page.GetByRole(AriaRole.Group, new() { Name = "Excluded attributes" }).Locator("code");
            await Expect(chips).ToHaveTextAsync(["note", "reasonCodes"]);
            await page.GetByRole(AriaRole.Button, new() { Name = "Remove note" }).ClickAsync();
            await Expect(chips).ToHaveTextAsync(["reasonCodes"]);
            var sample = page.GetByRole(AriaRole.Region, new() { Name = "Sample Payload" }).GetByTestId("sample-payload").First;
            await Expect(sample.Locator("pre")).ToContainTextAsync("\"note\"");
            await Expect(sample.Locator("pre")).Not.ToContainTextAsync("\"reasonCodes\"");
            await AssertNoSidewaysScrollAsync(page, width);

            await page.OpenAsync($"/destinations/{destinationId}");
            await Expect(page.GetByTestId("destination-config")).ToContainTextAsync("note, nextSteps");
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Sample Payload" }).GetByTestId("sample-payload")).ToHaveCountAsync(3);
            await AssertNoSidewaysScrollAsync(page, width);

            await page.OpenAsync("/destinations");
            await Expect(page.GetByTestId("destinations-table").Locator("tbody tr")).ToHaveCountAsync(1);
            await AssertNoSidewaysScrollAsync(page, width);
        }
        finally
        {
            await api.DeleteAllAsync();
        }
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, int width) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{page.Url} scrolls sideways at {width}px.");
}
