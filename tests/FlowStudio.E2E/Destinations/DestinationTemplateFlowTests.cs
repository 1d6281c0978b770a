using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E.Destinations;

[Collection(BrowserCollection.Name)]
public sealed class DestinationTemplateFlowTests(BrowserApp app)
{
    [Fact]
    public async Task ClariIngestBulkEntities_ChooseEntityType_ShowsItsFieldsAndDeliversAfterActivate()
    {
        using var api = new DestinationApi(app.Server.BaseAddress);
        var (_, datasetId) = await api.PulsesDatasetAsync();
        var credentialId = await api.CredentialIdAsync("Clari Sandbox");
        var page = await app.NewPageAsync();
        try
        {
            await page.OpenAsync($"/destinations/new?datasetId={datasetId}&connector=clari&credentialId={credentialId}");
            await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Template" })).ToHaveAttributeAsync("aria-selected", "true");
            await Expect(page.GetByRole(AriaRole.Tab)).ToHaveTextAsync(["Template", "Advanced"]);
            await MudSelect.ChooseAsync(page, "Endpoint", "Ingest Bulk Entities");

            var entityType = MudSelect.Combobox(page, "Entity Type");
            await Expect(entityType).ToBeVisibleAsync();
            await Expect(MudSelect.Combobox(page, "Mode")).ToHaveTextAsync("Default (Upsert)");
            await Expect(MudSelect.Combobox(page, "Is Last Batch")).ToHaveTextAsync("Default (true)");
            await Expect(page.GetByTestId("template-description")).ToContainTextAsync("up to 100 records per call, uploaded as a JSON file");
            var panel = page.GetByRole(AriaRole.Region, new() { Name = "Sample Payload" });
            await Expect(panel.GetByTestId("sample-problems")).ToContainTextAsync("Entity Type is required");
            await Expect(page.Locator("#param-entityType-error")).ToContainTextAsync("Entity Type is required");

            await MudSelect.ChooseAsync(page, "Entity Type", "Account");

            var samples = panel.GetByTestId("sample-payload");
            await Expect(samples).ToHaveCountAsync(3);
            await Expect(samples.First).ToContainTextAsync("/v2/ingest/bulk/entity/account?mode=incremental&isLastBatch=true");
            await Expect(samples.First.GetByTestId("sample-record-count")).ToHaveTextAsync("100 records");
            await Expect(page.Locator("#param-entityType-error")).ToHaveCountAsync(0);
            await Expect(entityType).Not.ToHaveAttributeAsync("aria-invalid", "true");

            // No mapping at all (the proposed id row is turned off): records go as they are, and the panel warns that Clari's
            // required timestamps are empty in them.
            await Expect(MudSelect.Combobox(page, "Source for id")).ToHaveTextAsync("Dataset attribute");
            await MudSelect.ChooseAsync(page, "Source for id", "Not mapped");
            await Expect(panel.GetByTestId("sample-warnings")).ToContainTextAsync("Payload 1: createdAt is required but empty in records 1, 2, 3 and 97 more of 100.");
            await Expect(panel.GetByTestId("sample-warnings")).ToContainTextAsync("Payload 3: updatedAt is required but empty in records 1, 2, 3 and 97 more of 100.");
            await Expect(panel.GetByTestId("sample-payload").First.Locator("pre")).ToContainTextAsync("\"createdTimestamp\"");

            // Done, then Activate from the resource menu: Clari accepts each file as a bulk job (202), then fails each job in
            // validation (pulses have no createdAt/updatedAt); the run follows the jobs and tells the truth: 300 failed.
            await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/destinations/dst_[0-9a-z]+$"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Actions" }).ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Activate" }).ClickAsync();
            await Expect(page.GetByTestId("destination-status")).ToHaveTextAsync("Active");
            var latest = page.GetByTestId("runs-table").Locator("tbody tr").First;
            await Expect(latest.GetByTestId("run-failed")).ToHaveTextAsync("300", new() { Timeout = 30_000 });
            await Expect(latest.GetByTestId("run-sent")).ToHaveTextAsync("0");
            await Expect(latest).ToContainTextAsync("Failed");
        }
        finally
        {
            await api.DeleteAllAsync();
        }
    }

    [Fact]
    public async Task ClariIngestBulkEntities_MappingBuiltInTheUi_SamplesShowEpochMsAndTheRunSucceeds()
    {
        using var api = new DestinationApi(app.Server.BaseAddress);
        var (_, datasetId) = await api.PulsesDatasetAsync();
        var credentialId = await api.CredentialIdAsync("Clari Sandbox");
        var page = await app.NewPageAsync();
        try
        {
            await page.OpenAsync($"/destinations/new?datasetId={datasetId}&connector=clari&credentialId={credentialId}");
            await MudSelect.ChooseAsync(page, "Endpoint", "Ingest Bulk Entities");
            await MudSelect.ChooseAsync(page, "Entity Type", "Account");
            var mapping = page.GetByRole(AriaRole.Region, new() { Name = "Mapping" });
            await Expect(mapping.GetByTestId("mapping-row")).ToHaveCountAsync(4);
            await Expect(MudSelect.Combobox(page, "Source for id")).ToHaveTextAsync("Dataset attribute");
            await Expect(MudSelect.Combobox(page, "Attribute for id")).ToHaveTextAsync("id (integer)");
            await Expect(MudSelect.Combobox(page, "Conversion for id")).ToHaveTextAsync("Number → text");
            var panel = page.GetByRole(AriaRole.Region, new() { Name = "Sample Payload" });
            await Expect(panel.GetByTestId("sample-warnings")).ToContainTextAsync("createdAt is required but empty");

            foreach (var field in new[] { "createdAt", "updatedAt" })
            {
                await MudSelect.ChooseAsync(page, $"Source for {field}", "Dataset attribute");
                await MudSelect.ChooseAsync(page, $"Attribute for {field}", "createdTimestamp (string)");
                await MudSelect.ChooseAsync(page, $"Conversion for {field}", "Date text → epoch ms");
            }

            await Expect(panel.GetByTestId("sample-warnings")).ToHaveCountAsync(0);
            var first = panel.GetByTestId("sample-payload").First;
            await Expect(first.Locator("pre")).ToContainTextAsync(new Regex("\"createdAt\": \\d{13},"));
            await Expect(first.Locator("pre")).ToContainTextAsync(new Regex("\"id\": \"\\d+\""));
            await Screenshots.SaveAsync(page, "destination-mapping");

            await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/destinations/dst_[0-9a-z]+$"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Actions" }).ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Activate" }).ClickAsync();
            await Expect(page.GetByTestId("destination-status")).ToHaveTextAsync("Active");
            var latest = page.GetByTestId("runs-table").Locator("tbody tr").First;
            await Expect(latest.GetByTestId("run-sent")).ToHaveTextAsync("300", new() { Timeout = 30_000 });
            await Expect(latest.GetByTestId("run-failed")).ToHaveTextAsync("0");
            await Expect(latest).ToContainTextAsync("Succeeded");
        }
        finally
        {
            await api.DeleteAllAsync();
        }
    }

    [Fact]
    public async Task ClientSuccessDeleteContact_ContactIdIsADatasetField_SavesAndDeletesFromTheMenu()
    {
        using var api = new DestinationApi(app.Server.BaseAddress);
        var (_, datasetId) = await api.PulsesDatasetAsync();
        var credentialId = await api.CredentialIdAsync("ClientSuccess Sandbox");
        var page = await app.NewPageAsync();
        try
        {
            await page.OpenAsync($"/destinations/new?datasetId={datasetId}&connector=clientsuccess&credentialId={credentialId}");
            await Expect(page.GetByRole(AriaRole.Tab)).ToHaveTextAsync(["Template", "Advanced", "Sync"]);

            await page.GetByRole(AriaRole.Tab, new() { Name = "Sync" }).ClickAsync();
            await MudSelect.ChooseAsync(page, "Object Type", "Contact");
            await Expect(page.GetByTestId("sync-required-fields")).ToContainTextAsync("clientId");
            await Expect(MudSelect.Combobox(page, "Dataset field for clientId")).ToBeVisibleAsync();
            await Expect(MudSelect.Combobox(page, "Dataset field for email")).ToBeVisibleAsync();
            await Expect(MudSelect.Combobox(page, "Sync Mode")).ToHaveTextAsync("Upsert");

            await page.GetByRole(AriaRole.Tab, new() { Name = "Template" }).ClickAsync();
            await MudSelect.ChooseAsync(page, "Endpoint", "Delete Contact");
            await MudSelect.Combobox(page, "Contact ID").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Option, new() { Name = "uuid (string)", Exact = true })).ToHaveCountAsync(1);
            await page.GetByRole(AriaRole.Option, new() { Name = "uuid (string)", Exact = true }).ClickAsync();

            var samples = page.GetByRole(AriaRole.Region, new() { Name = "Sample Payload" }).GetByTestId("sample-payload");
            await Expect(samples).ToHaveCountAsync(5);
            await Expect(samples.First).ToContainTextAsync(new Regex(@"DELETE\s+/v2/contact/[0-9a-f-]{36}"));
            await Expect(samples.First.GetByTestId("sample-record-count")).ToHaveTextAsync("1 record");
            await Expect(samples.First).ToContainTextAsync("No body");

            await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/destinations/dst_[0-9a-z]+$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("ClientSuccess Delete Contact");
            await Expect(page.GetByTestId("destination-config")).ToContainTextAsync("the record's uuid");

            await page.GetByRole(AriaRole.Button, new() { Name = "Actions" }).ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Delete" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Delete “ClientSuccess Delete Contact”?" });
            await Expect(dialog).ToContainTextAsync("0 sent, 0 failed");
            await Expect(dialog).ToContainTextAsync("The dataset and its records stay");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete destination" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/destinations$"));
            await Expect(page.GetByText("No destinations yet")).ToBeVisibleAsync();
        }
        finally
        {
            await api.DeleteAllAsync();
        }
    }
}
