using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E.Destinations;

[Collection(BrowserCollection.Name)]
public sealed class DestinationAdvancedFlowTests(BrowserApp app)
{
    /// <summary>Maps each ClientSuccess pulse to a Clari account: string id, epoch ms createdAt/updatedAt.</summary>
    internal const string PulsesToAccounts =
        "function group(records) {\n" +
        "  return [{ sourceEntity: 'account', records: records.map(function (r) {\n" +
        "    var at = Date.parse(r.createdTimestamp);\n" +
        "    return { id: 'p-' + r.id, name: r.subject, createdAt: at, updatedAt: at };\n" +
        "  }) }];\n" +
        "}";

    private const string EditedPayload =
        """[{"sourceEntity":"account","records":[{"id":"p-edited","name":"Edited before sending","createdAt":1700000000000,"updatedAt":1700000000000}]}]""";

    [Fact]
    public async Task SendToClari_CodeGroupingTestThenActivate_PreviewsPayloadsSendsTestDataAndDelivers300()
    {
        using var api = new DestinationApi(app.Server.BaseAddress);
        var (_, datasetId) = await api.PulsesDatasetAsync();
        var page = await app.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);
        try
        {
            await page.OpenAsync($"/destinations/new?datasetId={datasetId}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Clari", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Radio, new() { Name = "Clari Sandbox" }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New Clari destination");

            await page.GetByRole(AriaRole.Tab, new() { Name = "Advanced" }).ClickAsync();
            await page.GetByLabel("URL", new() { Exact = true }).FillAsync("/v2/ingest/entity/account?mode=incremental");
            await page.GetByLabel("Would you like to batch your records together?").CheckAsync();
            await Expect(page.GetByLabel("Batch Size")).ToHaveValueAsync("100");
            await MudSelect.ChooseAsync(page, "Grouping Algorithm", "Code");
            await Expect(CodeEditor.Content(page, "batching-code")).ToContainTextAsync("function group(records) {");
            await CodeEditor.ReplaceAsync(page, "batching-code", PulsesToAccounts);
            await Expect(CodeEditor.Content(page, "batching-code")).ToContainTextAsync("sourceEntity: 'account'");

            var panel = page.GetByRole(AriaRole.Region, new() { Name = "Sample Payload" });
            var samples = panel.GetByTestId("sample-payload");
            await Expect(samples).ToHaveCountAsync(3);
            await Expect(samples.First.GetByTestId("sample-record-count")).ToHaveTextAsync("100 records");
            await Expect(samples.First).ToContainTextAsync("POST");
            await Expect(samples.First.Locator("pre")).ToContainTextAsync("\"sourceEntity\": \"account\"");
            await Expect(samples.First.Locator("pre")).ToContainTextAsync("\"id\": \"p-");
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            await Screenshots.SaveAsync(page, "destination-advanced");

            var batchSize = page.GetByLabel("Batch Size");
            await batchSize.FillAsync("");
            await batchSize.PressSequentiallyAsync("50");
            await Expect(samples.First.GetByTestId("sample-record-count")).ToHaveTextAsync("50 records");
            await Expect(samples).ToHaveCountAsync(5);
            await Expect(panel.GetByTestId("sample-summary")).ToContainTextAsync("The first 5 payloads");

            await CodeEditor.ReplaceAsync(page, "batching-code", "function group(records) {\n  return [;\n}");
            var codeError = page.Locator("#batching-code-error");
            await Expect(codeError).ToContainTextAsync("line 2");
            await Expect(CodeEditor.Content(page, "batching-code")).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(panel.GetByTestId("sample-problems").GetByRole(AriaRole.Link, new() { Name = "Code" })).ToHaveAttributeAsync("href", "#batching-code");
            await CodeEditor.ReplaceAsync(page, "batching-code", PulsesToAccounts);
            await Expect(codeError).ToHaveCountAsync(0);
            await Expect(samples).ToHaveCountAsync(5);

            var test = panel.GetByRole(AriaRole.Button, new() { Name = "Test", Exact = true });
            await test.ClickAsync();
            await Expect(test).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(panel.GetByTestId("test-writes-warning")).ToContainTextAsync("writes to Clari");
            // The payload's code editor (CodeMirror, attached by the circuit once it loads its module) takes edits.
            await Expect(panel.Locator("#sample-0-payload .cm-content")).ToBeEditableAsync();
            await CodeEditor.ReplaceAsync(page, "sample-0-payload", EditedPayload);
            await samples.First.GetByRole(AriaRole.Button, new() { Name = "Send Test Data" }).ClickAsync();
            var confirm = page.GetByRole(AriaRole.Dialog);
            await Expect(confirm).ToContainTextAsync("writes to the API");
            await confirm.GetByRole(AriaRole.Button, new() { Name = "Send Test Data" }).ClickAsync();
            await Expect(samples.First.GetByTestId("test-data-status")).ToHaveTextAsync("200");
            await Expect(samples.First.GetByTestId("test-data-duration")).ToHaveTextAsync(new Regex(@"^\d+ ms$"));
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            await Screenshots.SaveAsync(page, "destination-test");

            await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Pulses to Clari accounts");
            await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/destinations/dst_[0-9a-z]+$"));
            var destinationId = page.Url.Split('/')[^1];
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pulses to Clari accounts");
            await Expect(page.GetByTestId("destination-status")).ToHaveTextAsync("Paused");
            await Expect(page.GetByTestId("runs-empty")).ToBeVisibleAsync();

            var menu = page.GetByRole(AriaRole.Button, new() { Name = "Actions" });
            await Expect(menu).ToHaveAttributeAsync("aria-haspopup", "menu");
            await menu.ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Activate" }).ClickAsync();
            await Expect(page.GetByTestId("destination-status")).ToHaveTextAsync("Active");
            var latest = page.GetByTestId("runs-table").Locator("tbody tr").First;
            await Expect(latest.GetByTestId("run-sent")).ToHaveTextAsync("300", new() { Timeout = 30_000 });
            await Expect(latest).ToContainTextAsync("Succeeded");

            await menu.ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Runs" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/runs\\?resourceId={destinationId}$"));
            await Expect(page.GetByTestId("runs-filter")).ToContainTextAsync("Pulses to Clari accounts");
            var row = page.GetByTestId("runs-table").Locator("tbody tr").First;
            await Expect(row.GetByTestId("run-sent")).ToHaveTextAsync("300");
            await Expect(row.GetByTestId("run-failed")).ToHaveTextAsync("0");
            await Expect(page.GetByTestId("runs-chart")).ToBeVisibleAsync();
            // The chart is MudBlazor's SVG, drawn by the circuit: no htmx, no canvas script.
            Assert.True(await page.EvaluateAsync<bool>("() => window.htmx === undefined && !!document.querySelector('[data-testid=runs-chart] svg')"));
            await Screenshots.SaveAsync(page, "runs");
            Assert.Empty(problems);
        }
        finally
        {
            await api.DeleteAllAsync();
        }
    }

    [Fact]
    public async Task GroupingAlgorithmJsonArray_NeedsNoSettings_AndTheSampleIsTheArrayOfRecords()
    {
        using var api = new DestinationApi(app.Server.BaseAddress);
        var (_, datasetId) = await api.PulsesDatasetAsync();
        var credentialId = await api.CredentialIdAsync("Clari Sandbox");
        var page = await app.NewPageAsync();
        try
        {
            await page.OpenAsync($"/destinations/new?datasetId={datasetId}&connector=clari&credentialId={credentialId}");
            await page.GetByRole(AriaRole.Tab, new() { Name = "Advanced" }).ClickAsync();
            await page.GetByLabel("URL", new() { Exact = true }).FillAsync("/v2/ingest/entity/account?mode=incremental");
            await page.GetByLabel("Would you like to batch your records together?").CheckAsync();
            await MudSelect.ChooseAsync(page, "Grouping Algorithm", "JSON Array");

            await Expect(page.GetByLabel("Property Name")).ToBeHiddenAsync();
            await Expect(page.Locator("#batching-code-group")).ToBeHiddenAsync();
            var first = page.GetByRole(AriaRole.Region, new() { Name = "Sample Payload" }).GetByTestId("sample-payload").First;
            await Expect(first.GetByTestId("sample-record-count")).ToHaveTextAsync("100 records");
            await Expect(first.Locator("pre")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*\[\s*\{"));
        }
        finally
        {
            await api.DeleteAllAsync();
        }
    }
}
