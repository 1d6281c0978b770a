using System.Text.RegularExpressions;
using FlowStudio.E2E.Sources;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E.Flows;

[Collection(BrowserCollection.Name)]
public sealed class LookupsPageTests(BrowserApp app)
{
    [Fact]
    public async Task NewLookup_PastedCsv_ShowsEveryErrorAtOnce_ListsItsMacrosWhichTheSourceUrlOffers_ThenDeletes()
    {
        await using var api = await SourceApi.StartAsync(app.Server.BaseAddress);
        var name = "accounts_" + Guid.NewGuid().ToString("N")[..6];
        var page = await app.NewPageAsync();
        await page.OpenAsync("/lookups");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Lookups");
        await page.GetByRole(AriaRole.Button, new() { Name = "New Lookup" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        var nameField = dialog.GetByLabel("Name", new() { Exact = true });
        var rows = dialog.GetByLabel("Rows", new() { Exact = true });

        // A name that is not a macro prefix and a ragged line are both refused at once; the typed values stay.
        await nameField.FillAsync("2 " + name);
        await rows.FillAsync("id,name\n1198,Acme\n1023");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save lookup" }).ClickAsync();
        await Expect(rows).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(nameField).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(dialog.GetByText("Line 3 has 1 values; the header has 2 columns.")).ToBeVisibleAsync();
        await Expect(dialog.GetByText("Use letters, digits and underscores, starting with a letter", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(nameField).ToHaveValueAsync("2 " + name);
        await Expect(rows).ToHaveValueAsync("id,name\n1198,Acme\n1023");

        await nameField.FillAsync(name);
        await rows.FillAsync("id,name\n1198,Acme\n1023,\"Globex, Inc.\"");
        await dialog.GetByLabel("Key Column").FillAsync("code");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save lookup" }).ClickAsync();
        await Expect(dialog.GetByText("'code' is not a column of the lookup; use one of id, name.")).ToBeVisibleAsync();
        await dialog.GetByLabel("Key Column").FillAsync("id");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save lookup" }).ClickAsync();

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"Saved the lookup “{name}”: 2 rows");
        var row = page.GetByTestId("lookups-table").Locator("tbody tr", new() { HasText = name });
        await Expect(row).ToContainTextAsync($"{{{name}.id}}");
        await Expect(row).ToContainTextAsync($"{{{name}.name}}");
        await Expect(row).ToContainTextAsync("Pasted rows");
        await page.Locator(".mud-snackbar").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "lookups");

        var credentialId = await api.CredentialIdAsync("ClientSuccess Sandbox");
        await page.OpenAsync($"/flows/new/source?connector=clientsuccess&credentialId={credentialId}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Advanced" }).ClickAsync();
        await page.ChooseAsync("Add Lookups to Supported Macros", $"{name} (2 rows)");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Set API URL" }).PressSequentiallyAsync("/v2/client/{" + name[..8]);
        var option = page.GetByRole(AriaRole.Listbox, new() { Name = "Macros" }).GetByRole(AriaRole.Option).Filter(new() { HasText = $"{{{name}.name}}" });
        await Expect(option).ToContainTextAsync("Acme");

        await page.OpenAsync("/lookups");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToContainTextAsync($"Delete the lookup “{name}”? Its macros stop working.");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"Deleted the lookup “{name}”.");
        await Expect(page.GetByTestId("lookups-table").Locator("tbody tr", new() { HasText = name })).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(new Regex("/lookups$"));
    }

    [Fact]
    public async Task LookupsPage_390PixelsWide_ListsLongMacrosAndTheNewLookupFormWithoutScrollingSideways()
    {
        await using var api = await SourceApi.StartAsync(app.Server.BaseAddress);
        var name = "customer_success_accounts_" + Guid.NewGuid().ToString("N")[..6];
        await api.CreateLookupAsync(name, [new { id = "1198", account_identifier_in_the_crm = "1198", account_display_name = "Acme" }]);
        var page = await app.NewPageAsync(390, 844);

        await page.OpenAsync("/lookups");

        var row = page.GetByTestId("lookups-table").Locator("tbody tr", new() { HasText = name });
        await Expect(row).ToContainTextAsync($"{{{name}.account_identifier_in_the_crm}}");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "The lookups page scrolls sideways at 390px.");
        await page.GetByRole(AriaRole.Button, new() { Name = "New Lookup" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog).GetByLabel("Rows", new() { Exact = true })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "The New Lookup dialog scrolls sideways at 390px.");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
    }
}
