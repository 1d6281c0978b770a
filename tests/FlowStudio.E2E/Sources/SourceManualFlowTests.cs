using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E.Sources;

[Collection(BrowserCollection.Name)]
public sealed class SourceManualFlowTests(BrowserApp app)
{
    private async Task<IPage> OpenEditorAsync(string credentialId, bool advanced = true)
    {
        var page = await app.NewPageAsync();
        await page.OpenAsync($"/flows/new/source?connector=clientsuccess&credentialId={credentialId}");
        if (advanced)
        {
            await page.GetByRole(AriaRole.Tab, new() { Name = "Advanced" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Advanced" })).ToHaveAttributeAsync("aria-selected", "true");
        }

        return page;
    }

    [Fact]
    public async Task AdvancedTab_MacroUrlAndSuggestedPath_TestShowsRecordsAndCreates()
    {
        await using var api = await SourceApi.StartAsync(app.Server.BaseAddress);
        await api.AddClientNoteAsync("Renewal call went well");
        var page = await OpenEditorAsync(await api.CredentialIdAsync("ClientSuccess Sandbox"));
        try
        {
            await Expect(page.Select("Method")).ToHaveTextAsync("GET");
            await page.ChooseAsync("Time Unit for Operations", "Day");
            await page.ChooseAsync("Date Format for Date/Time Macro", "Date (yyyy-MM-dd)");
            var url = page.GetByRole(AriaRole.Combobox, new() { Name = "Set API URL" });
            await url.PressSequentiallyAsync("/v2/clientNote/search?modifiedAfter={");

            var macros = page.GetByRole(AriaRole.Listbox, new() { Name = "Macros" });
            await Expect(url).ToHaveAttributeAsync("aria-expanded", "true");
            var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var nowMinusOne = macros.GetByRole(AriaRole.Option, new() { Name = "{now-1}" });
            await Expect(nowMinusOne).ToContainTextAsync("One day before now");
            await Expect(nowMinusOne).ToContainTextAsync(yesterday);
            await nowMinusOne.ClickAsync();
            await Expect(url).ToHaveValueAsync("/v2/clientNote/search?modifiedAfter={now-1}");
            await Expect(macros).ToBeHiddenAsync();

            await page.TestButton().ClickAsync();
            var suggestions = page.GetByRole(AriaRole.Group, new() { Name = "Suggestions" });
            await suggestions.GetByRole(AriaRole.Button, new() { Name = "$.data[*]", Exact = true }).ClickAsync();
            var dataPath = page.GetByLabel("Set Path to Data in Response");
            await Expect(dataPath).ToHaveValueAsync("$.data[*]");
            await page.TestButton().ClickAsync();

            var panel = page.TestResult();
            await Expect(panel.GetByTestId("test-result-records")).ToContainTextAsync("Renewal call went well");
            var request = panel.GetByTestId("test-result-requests").Locator("tbody tr").First;
            await Expect(request).ToContainTextAsync($"modifiedAfter={yesterday}");
            await Expect(request).ToContainTextAsync("200");
            await Expect(url).ToHaveValueAsync("/v2/clientNote/search?modifiedAfter={now-1}");
            await page.DismissSnackbarsAsync();
            await page.EvaluateAsync("window.scrollTo(0, 0)");
            await Screenshots.SaveAsync(page, "source-manual");

            await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Client notes since yesterday");
            await page.ChooseAsync("Schedule", "Every few minutes, hours or days");
            await page.GetByLabel("Every", new() { Exact = true }).FillAsync("6");
            await Expect(page.Select("Unit")).ToHaveTextAsync("hours");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/sources/src_[0-9a-z]+$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Client notes since yesterday");
            var summary = page.GetByTestId("source-summary");
            await Expect(summary).ToContainTextAsync("Manual");
            await Expect(summary).ToContainTextAsync("/v2/clientNote/search?modifiedAfter={now-1}");
            await Expect(summary).ToContainTextAsync("Date (yyyy-MM-dd)");
            await Expect(summary).ToContainTextAsync("Every 6 hours");
        }
        finally
        {
            await api.DeleteCreatedSourcesAsync();
        }
    }

    [Fact]
    public async Task AdvancedTab_InvalidPathAndHeaders_ShowsEveryErrorBesideItsFieldAndKeepsValues()
    {
        await using var api = await SourceApi.StartAsync(app.Server.BaseAddress);
        var page = await OpenEditorAsync(await api.CredentialIdAsync("ClientSuccess Sandbox"));
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Set API URL" }).FillAsync("/v2/clientNote/search");
        await page.GetByLabel("Set Path to Data in Response").FillAsync("$.data[");
        await page.GetByLabel("Request Headers").FillAsync("X-Api-Version 2");

        await page.TestButton().ClickAsync();

        var dataPath = page.GetByLabel("Set Path to Data in Response");
        await Expect(dataPath).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(dataPath).ToHaveValueAsync("$.data[");
        await Expect(page.Locator("#manual-data-path-error")).ToContainTextAsync("$.data[*]");
        var headers = page.GetByLabel("Request Headers");
        await Expect(headers).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#manual-headers-error")).ToContainTextAsync("has no colon");
        await Expect(page.TestResult().GetByTestId("test-result-invalid")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Advanced" })).ToHaveAttributeAsync("aria-selected", "true");

        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        await Expect(page.Snackbar()).ToContainTextAsync("settings need fixing");
        await Expect(page.Locator("#manual-headers-error")).ToContainTextAsync("has no colon");
        await Expect(page).ToHaveURLAsync(new Regex("/flows/new/source\\?"));
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Set API URL" })).ToHaveValueAsync("/v2/clientNote/search");
    }

    [Fact]
    public async Task TemplateTab_RequiredFieldEmpty_TestShowsItsErrorBesideTheField()
    {
        await using var api = await SourceApi.StartAsync(app.Server.BaseAddress);
        var page = await OpenEditorAsync(await api.CredentialIdAsync("ClientSuccess Sandbox"), advanced: false);

        await page.ChooseAsync("Endpoint", "Get Client");
        var clientId = page.GetByLabel("Client ID");
        await Expect(clientId).ToHaveAttributeAsync("aria-required", "true");
        await page.TestButton().ClickAsync();

        await Expect(clientId).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#param-clientId-error")).ToContainTextAsync("Client ID");
        await Expect(page.Select("Endpoint")).ToHaveTextAsync("Get Client");
    }

    [Fact]
    public async Task TemplateTab_WritingEndpoint_TestSaysSoAndAsksOnceBeforeSending()
    {
        await using var api = await SourceApi.StartAsync(app.Server.BaseAddress);
        var page = await OpenEditorAsync(await api.CredentialIdAsync("ClientSuccess Sandbox"), advanced: false);
        await page.ChooseAsync("Endpoint", "Create Pulse");
        await Expect(page.GetByTestId("template-writes")).ToContainTextAsync("writes to ClientSuccess");

        await page.TestButton().ClickAsync();

        var question = page.GetByRole(AriaRole.Dialog);
        await Expect(question).ToContainTextAsync("Test writes to ClientSuccess");
        await Expect(question).ToContainTextAsync("POST request of “Create Pulse”");
        await question.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(question).ToBeHiddenAsync();
        await Expect(page.TestResult().GetByTestId("test-result-empty")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AdvancedTab_LookupChosen_ItsColumnsJoinTheMacroListAndKeyboardInsertsOne()
    {
        await using var api = await SourceApi.StartAsync(app.Server.BaseAddress);
        var lookup = "clients_" + Guid.NewGuid().ToString("N")[..6];
        await api.CreateLookupAsync(lookup, [new { id = "1198", name = "Acme" }, new { id = "1023", name = "Globex" }]);
        var page = await OpenEditorAsync(await api.CredentialIdAsync("ClientSuccess Sandbox"));

        await page.ChooseAsync("Add Lookups to Supported Macros", $"{lookup} (2 rows)");
        var url = page.GetByRole(AriaRole.Combobox, new() { Name = "Set API URL" });
        await url.PressSequentiallyAsync("/v2/client/{" + lookup[..4]);

        var option = page.GetByRole(AriaRole.Listbox, new() { Name = "Macros" }).GetByRole(AriaRole.Option);
        await Expect(option).ToHaveCountAsync(2);
        await Expect(option.First).ToContainTextAsync($"{{{lookup}.id}}");
        await Expect(option.First).ToContainTextAsync("1198");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(option.Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(url).ToHaveAttributeAsync("aria-activedescendant", (await option.Nth(1).GetAttributeAsync("id"))!);
        await page.Keyboard.PressAsync("Enter");

        await Expect(url).ToHaveValueAsync($"/v2/client/{{{lookup}.name}}");
        await Expect(url).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page).ToHaveURLAsync(new Regex("/flows/new/source\\?"));
    }

    [Fact]
    public async Task AdvancedTab_NewLookupInADialog_IsChosenInPlace_AndLeavingWithUnsavedChangesAsksFirst()
    {
        await using var api = await SourceApi.StartAsync(app.Server.BaseAddress);
        var lookup = "accounts_" + Guid.NewGuid().ToString("N")[..6];
        var page = await OpenEditorAsync(await api.CredentialIdAsync("ClientSuccess Sandbox"));
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Accounts one by one");
        var url = page.GetByRole(AriaRole.Combobox, new() { Name = "Set API URL" });
        await url.FillAsync("/v2/client/");

        await page.GetByRole(AriaRole.Button, new() { Name = "New lookup" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name", new() { Exact = true }).FillAsync(lookup);
        await dialog.GetByLabel("Rows", new() { Exact = true }).FillAsync("id,name\n1198,Acme\n1023,Globex");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save lookup" }).ClickAsync();

        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page.Select("Add Lookups to Supported Macros")).ToHaveTextAsync($"{lookup} (2 rows)");
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Accounts one by one");
        await Expect(url).ToHaveValueAsync("/v2/client/");
        await url.PressSequentiallyAsync("{" + lookup[..6]);
        await Expect(page.GetByRole(AriaRole.Listbox, new() { Name = "Macros" }).GetByRole(AriaRole.Option).First).ToContainTextAsync($"{{{lookup}.id}}");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Sources", Exact = true }).ClickAsync();
        var leave = page.GetByRole(AriaRole.Dialog);
        await Expect(leave).ToContainTextAsync("Leave without saving?");
        await leave.GetByRole(AriaRole.Button, new() { Name = "Stay" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/flows/new/source\\?"));
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Accounts one by one");
    }

    [Fact]
    public async Task AdvancedTab_CursorField_OffersCursorMacroTestSendsTheInitialValueAndTheSourcePageShowsTheCursor()
    {
        await using var api = await SourceApi.StartAsync(app.Server.BaseAddress);
        var page = await OpenEditorAsync(await api.CredentialIdAsync("ClientSuccess Sandbox"));
        try
        {
            await page.GetByLabel("Cursor Field").FillAsync("modifiedTime");
            await page.GetByLabel("Initial Cursor Value").FillAsync("2001-02-03T04:05:06Z");
            await page.GetByLabel("Initial Cursor Value").BlurAsync();

            var url = page.GetByRole(AriaRole.Combobox, new() { Name = "Set API URL" });
            await url.PressSequentiallyAsync("/v2/contact/search?modifiedAfter={cur");
            var option = page.GetByRole(AriaRole.Listbox, new() { Name = "Macros" }).GetByRole(AriaRole.Option, new() { Name = "{cursor}" });
            await Expect(option).ToContainTextAsync("2001-02-03T04:05:06Z");
            await Expect(option).ToContainTextAsync("modifiedTime");
            await option.ClickAsync();
            await Expect(url).ToHaveValueAsync("/v2/contact/search?modifiedAfter={cursor}");
            await page.GetByLabel("Set Path to Data in Response").FillAsync("$.data[*]");

            await page.TestButton().ClickAsync();
            var request = page.TestResult().GetByTestId("test-result-requests").Locator("tbody tr").First;
            await Expect(request).ToContainTextAsync("modifiedAfter=2001-02-03T04%3A05%3A06Z");
            await Expect(request).ToContainTextAsync("200");

            await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Contacts changed since the cursor");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/sources/src_[0-9a-z]+$"));
            var summary = page.GetByTestId("source-summary");
            await Expect(summary).ToContainTextAsync("Cursor field");
            await Expect(summary).ToContainTextAsync("modifiedTime");
            // Create started the first run; once it has read the contacts, the cursor is the newest modifiedTime.
            await Expect(page.GetByTestId("source-runs").Locator("tbody tr").First).ToContainTextAsync("Succeeded", new() { Timeout = 30_000 });
            await Expect(page.GetByTestId("source-summary")).ToContainTextAsync(new Regex(@"Cursor\s*20\d\d-"));
        }
        finally
        {
            await api.DeleteCreatedSourcesAsync();
        }
    }

    [Fact]
    public async Task AdvancedTab_CursorMacroWithoutCursorField_TestShowsTheErrorBesideCursorField()
    {
        await using var api = await SourceApi.StartAsync(app.Server.BaseAddress);
        var page = await OpenEditorAsync(await api.CredentialIdAsync("ClientSuccess Sandbox"));
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Set API URL" }).FillAsync("/v2/contact/search?modifiedAfter={cursor}");

        await page.TestButton().ClickAsync();

        var field = page.GetByLabel("Cursor Field");
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#manual-cursor-field-error")).ToContainTextAsync("set a Cursor Field");
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Set API URL" })).ToHaveValueAsync("/v2/contact/search?modifiedAfter={cursor}");
    }
}
