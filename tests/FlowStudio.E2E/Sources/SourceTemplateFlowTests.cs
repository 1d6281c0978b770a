using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E.Sources;

[Collection(BrowserCollection.Name)]
public sealed class SourceTemplateFlowTests(BrowserApp app)
{
    [Fact]
    public async Task NewDataFlow_SearchPulsesTemplate_TestCreateAndRunNowFillsDatasetWith300Records()
    {
        await using var api = await SourceApi.StartAsync(app.Server.BaseAddress);
        var page = await app.NewPageAsync();
        try
        {
            await page.OpenAsync("/flows/new");
            await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "FlexFlow" })).ToBeCheckedAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "ClientSuccess", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Radio, new() { Name = "ClientSuccess Sandbox" }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
            await page.WaitUntilInteractiveAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New ClientSuccess source");
            await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Template" })).ToHaveAttributeAsync("aria-selected", "true");
            await page.ChooseAsync("Endpoint", "Search Pulses");
            await Expect(page.GetByLabel("Client ID")).ToBeVisibleAsync();
            await page.TestButton().ClickAsync();

            var panel = page.TestResult();
            await Expect(panel.GetByTestId("test-result-records").Locator("tbody tr")).ToHaveCountAsync(10);
            await Expect(panel.GetByTestId("test-result-requests").Locator("tbody tr").First).ToContainTextAsync("200");
            await Expect(panel.GetByTestId("test-result-summary")).ToContainTextAsync("50 sample records");
            await Expect(page.Select("Endpoint")).ToHaveTextAsync("Search Pulses");
            await page.DismissSnackbarsAsync();
            await page.EvaluateAsync("window.scrollTo(0, 0)");
            await Screenshots.SaveAsync(page, "source-template");

            await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/sources/src_[0-9a-z]+$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("ClientSuccess Search Pulses");
            // Create starts ingesting: the source is active and its first run fills the dataset, shown as it happens.
            await Expect(page.GetByTestId("source-status")).ToHaveTextAsync("Active");
            await Expect(page.GetByTestId("dataset-record-count")).ToHaveTextAsync(new Regex(@"^\s*300\s+records\s*$"), new() { Timeout = 30_000 });
            await Expect(page.GetByTestId("source-runs").Locator("tbody tr").First).ToContainTextAsync("Succeeded");

            // Run now reads again; the template's key keeps the dataset at 300 records.
            var menuButton = page.GetByRole(AriaRole.Button, new() { Name = "Actions" });
            await Expect(menuButton).ToHaveAttributeAsync("aria-haspopup", "menu");
            await menuButton.ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Run now" }).ClickAsync();
            await Expect(page.GetByTestId("source-runs").Locator("tbody tr")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
            await Expect(page.GetByTestId("source-runs").Locator("tbody tr").First).ToContainTextAsync("Succeeded", new() { Timeout = 30_000 });
            await Expect(page.GetByTestId("dataset-record-count")).ToHaveTextAsync(new Regex(@"^\s*300\s+records\s*$"));
            await page.GetByText("Sample records (first 10)").ClickAsync();
            await Expect(page.GetByTestId("dataset-sample").Locator("tbody tr")).ToHaveCountAsync(10);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add a step after this dataset" }).ClickAsync();
            var sendTo = page.GetByRole(AriaRole.Menuitem, new() { Name = "Send to Destination" });
            await Expect(sendTo).ToHaveAttributeAsync("href", new Regex(@"^/destinations/new\?datasetId=ds_[0-9a-z]+$"));
            await page.Keyboard.PressAsync("Escape");
            await page.DismissSnackbarsAsync();
            await page.EvaluateAsync("window.scrollTo(0, 0)");
            await Screenshots.SaveAsync(page, "source-detail");
        }
        finally
        {
            await api.DeleteCreatedSourcesAsync();
        }
    }
}
