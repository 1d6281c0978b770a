using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FlowStudio.E2E.Sources;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E.Flows;

/// <summary>New Data Flow → Sync, set up by the seed's words ("Getting Started" 1–6) against the Zoho CRM and ClientSuccess simulators.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SyncWalkTests(BrowserApp app)
{
    [Fact]
    public async Task NewDataFlow_Sync_FilteredPreviewedDryRunImportedThenActivated()
    {
        using var client = app.Server.CreateApiClient();
        var name = $"Zoho customers {Guid.NewGuid().ToString("N")[..6]}";
        var page = await app.NewPageAsync(height: 1000);
        string? syncId = null;
        try
        {
            await page.OpenAsync("/flows/new");
            await page.GetByRole(AriaRole.Radio, new() { Name = "Sync" }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/syncs/new$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New sync");

            // 1. Authenticate
            await page.Locator("#sync-name").FillAsync(name);
            await page.ChooseAsync("ClientSuccess credential", "ClientSuccess Sandbox");
            await page.ChooseAsync("Zoho CRM credential", "Zoho CRM Sandbox");

            // 2. Import Filter: Account Status = Customer OR Sync with ClientSuccess = true, previewed
            await page.GetByRole(AriaRole.Button, new() { Name = "Add client condition" }).ClickAsync();
            await page.ChooseAsync("Client condition 1 field", "Account Status");
            await page.ChooseAsync("Client condition 1 operator", "=");
            await page.Locator("#clients-filter-0-value").FillAsync("Customer");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add client condition" }).ClickAsync();
            await page.ChooseAsync("Client condition 2 field", "Sync with ClientSuccess");
            await page.Locator("#clients-filter-1-value").FillAsync("true");
            await page.ChooseAsync("Client records match", "Any condition (OR)");
            await page.GetByRole(AriaRole.Button, new() { Name = "Preview matching records" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/syncs/syn_"));
            syncId = page.Url.Split('/')[^1];
            var preview = await PreviewAsync(client, syncId);
            var clients = preview.GetProperty("filters").EnumerateArray().Single(f => f.GetProperty("object").GetString() == "client");
            await Expect(page.Locator("[data-object=client] [data-testid=filter-preview-count]")).ToHaveTextAsync(
                $"Client level: {Count(clients.GetProperty("matching").GetInt32())} of {Count(clients.GetProperty("total").GetInt32())} Zoho accounts match the Import Filter");

            // 3. Field mappings, proposed, each with its direction
            var clientMappings = page.GetByTestId("mappings-clients");
            await Expect(clientMappings.Locator("[data-cs-field=name][data-crm-field=Account_Name]")).ToBeVisibleAsync();
            await Expect(clientMappings.Locator("[data-cs-field=externalId][data-crm-field=id]")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("mappings-contacts").Locator("[data-cs-field=email][data-crm-field=Email]")).ToBeVisibleAsync();
            await page.ChooseAsync("Client mapping 3 direction", "PULL");

            // 4. Object-level directions: contacts PULL only supersede their field directions
            await page.ChooseAsync("Contact sync direction", "PULL");
            await Expect(page.GetByTestId("superseded-contacts")).ToContainTextAsync("it will supersede field-level mappings");
            await Expect(page.Select("Client sync direction")).ToHaveTextAsync("PUSH AND PULL");
            await Screenshots.SaveAsync(page, "sync-editor");

            // 5. Run initial import: the dry run, then the confirmation, then the import
            await page.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync();
            var dryRun = page.GetByTestId("dry-run");
            await Expect(dryRun.Locator("[data-object=client][data-side=clientsuccess] [data-testid=created]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            var expected = SyncCount((await PreviewAsync(client, syncId)).GetProperty("dryRun"), "client", "clientsuccess", "created");
            await Expect(dryRun.Locator("[data-object=client][data-side=clientsuccess] [data-testid=created]")).ToHaveTextAsync(Count(expected));
            await Expect(dryRun.Locator("[data-testid=dry-run-sample][data-object=client][data-action=create]")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Run initial import" })).ToBeEnabledAsync();
            await Screenshots.SaveAsync(page, "sync-dry-run");

            await page.GetByRole(AriaRole.Button, new() { Name = "Run initial import" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToContainTextAsync($"{Count(expected)} clients created in ClientSuccess");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Run initial import" }).ClickAsync();
            var imported = page.Locator("[data-testid=import-report-counts] [data-object=client][data-side=clientsuccess] [data-testid=created]");
            await Expect(imported).ToHaveTextAsync(Count(expected), new() { Timeout = 120_000 });
            await Expect(page.GetByTestId("imported-at")).ToBeVisibleAsync();

            // 6. Sync frequency, then Activate
            await page.ChooseAsync("Sync frequency", "Every 15 minutes");
            await Expect(page.GetByText("More frequent PULLS from Zoho will consume more API calls.")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Activate" }).ClickAsync();
            await Expect(page.Locator(".page-heading .status-chip")).ToHaveTextAsync("Active");
            await Expect(page.GetByTestId("next-pull")).ToBeVisibleAsync();
            var saved = JsonDocument.Parse(await client.GetStringAsync($"/api/syncs/{syncId}")).RootElement;
            Assert.Equal(("active", "*/15 * * * *", "pull"), (saved.GetProperty("status").GetString(), saved.GetProperty("pullSchedule").GetString(),
                saved.GetProperty("contacts").GetProperty("direction").GetString()));
        }
        finally
        {
            if (syncId is not null)
            {
                await client.DeleteAsync($"/api/syncs/{syncId}");
            }
        }
    }

    private static async Task<JsonElement> PreviewAsync(HttpClient client, string syncId)
    {
        var response = await client.PostAsync($"/api/syncs/{syncId}/preview", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static int SyncCount(JsonElement report, string obj, string side, string name) =>
        report.GetProperty("counts").EnumerateArray().Single(c => c.GetProperty("object").GetString() == obj && c.GetProperty("side").GetString() == side).GetProperty(name).GetInt32();

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
