using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E.Sources;

[Collection(BrowserCollection.Name)]
public sealed class SourceResourceMenuTests(BrowserApp app)
{
    [Fact]
    public async Task ResourceMenu_ActivatePauseTestThenDelete_UpdatesInPlaceAndConfirmsWhatIsLost()
    {
        await using var api = await SourceApi.StartAsync(app.Server.BaseAddress);
        var credentialId = await api.CredentialIdAsync("ClientSuccess Sandbox");
        var sourceId = await api.CreateTemplateSourceAsync("Contracts to delete", credentialId, "clientsuccess.search-contracts");
        var page = await app.NewPageAsync();
        try
        {
            await page.OpenAsync($"/sources/{sourceId}");
            var menu = page.GetByRole(AriaRole.Button, new() { Name = "Actions" });
            var status = page.GetByTestId("source-status");

            await menu.ClickAsync();
            await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
            await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Runs" })).ToHaveAttributeAsync("href", $"/runs?resourceId={sourceId}");
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Activate" }).ClickAsync();
            await Expect(status).ToHaveTextAsync("Active");
            await Expect(page.Snackbar()).ToContainTextAsync("The source is active.");

            await menu.ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Pause" }).ClickAsync();
            await Expect(status).ToHaveTextAsync("Paused");

            await menu.ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Test" }).ClickAsync();
            var panel = page.TestResult();
            await Expect(panel.GetByTestId("test-result-records").Locator("tbody tr")).ToHaveCountAsync(10);

            await menu.ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Delete" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToContainTextAsync("Delete “Contracts to delete”?");
            // Activate may already have run the source once (its schedule is "once, when activated").
            await Expect(dialog).ToContainTextAsync(new Regex(@"its dataset and the\s+(0|120) records\s+in it"));
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete source" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/sources$"));
            await Expect(page.GetByText("No sources yet")).ToBeVisibleAsync();
        }
        finally
        {
            await api.DeleteCreatedSourcesAsync();
        }
    }
}
