using System.Text.RegularExpressions;
using FlowStudio.E2E.Sources;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E.Flows;

[Collection(BrowserCollection.Name)]
public sealed class LookupsPageTests(BrowserApp app)
{
    [Fact]
    public async Task NewLookup_PastedCsv_ListsItsMacrosWhichTheSourceUrlOffers_ThenDeletes()
    {
        using var api = await SourceApi.StartAsync(app.Server.BaseAddress);
        var name = "accounts_" + Guid.NewGuid().ToString("N")[..6];
        var page = await app.NewPageAsync();
        await page.GotoAsync("/lookups");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Lookups");
        await page.GetByRole(AriaRole.Button, new() { Name = "New Lookup" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);

        // A ragged line is refused with its line number; the typed values stay.
        await page.GetByLabel("Rows", new() { Exact = true }).FillAsync("id,name\n1198,Acme\n1023");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save lookup" }).ClickAsync();
        var rows = page.GetByLabel("Rows", new() { Exact = true });
        await Expect(rows).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#lookup-rows-error")).ToHaveTextAsync("Line 3 has 1 values; the header has 2 columns.");
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync(name);

        await rows.FillAsync("id,name\n1198,Acme\n1023,\"Globex, Inc.\"");
        await page.GetByLabel("Key Column").FillAsync("id");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save lookup" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Saved the lookup “{name}”: 2 rows");
        var row = page.GetByTestId("lookups-table").Locator("tbody tr", new() { HasText = name });
        await Expect(row).ToContainTextAsync($"{{{name}.id}}");
        await Expect(row).ToContainTextAsync($"{{{name}.name}}");
        await Expect(row).ToContainTextAsync("Pasted rows");
        await Screenshots.SaveAsync(page, "lookups");

        var credentialId = await api.CredentialIdAsync("ClientSuccess Sandbox");
        await page.OpenAsync($"/flows/new/source?connector=clientsuccess&credentialId={credentialId}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Advanced" }).ClickAsync();
        await page.ChooseAsync("Add Lookups to Supported Macros", $"{name} (2 rows)");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Set API URL" }).PressSequentiallyAsync("/v2/client/{" + name[..8]);
        var option = page.GetByRole(AriaRole.Listbox, new() { Name = "Macros" }).GetByRole(AriaRole.Option).Filter(new() { HasText = $"{{{name}.name}}" });
        await Expect(option).ToContainTextAsync("Acme");

        await page.GotoAsync("/lookups");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Deleted the lookup “{name}”.");
        await Expect(page.GetByTestId("lookups-table").Locator("tbody tr", new() { HasText = name })).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(new Regex("/lookups$"));
    }
}
